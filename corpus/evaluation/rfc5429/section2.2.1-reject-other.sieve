# RFC 5429 §2.2.1: mail from others is kept.
# This script has CRLF line endings (see section2.2-reject-size).
require ["reject"];

if header :contains "from" "coyote@desert.example.org" {
    reject text:
I am not taking mail from you, and I don't
want your birdseed, either!
.
    ;
}
