# RFC 5228 §2.4.2: "\a" is "a" (an undefined escape); a multi-line string
# may have a hash comment after "text:"; its lines are dot-stuffed, but a
# line that starts with one dot and another character is kept as it is; the
# CRLF before the final dot belongs to the value. This script has CRLF line
# endings.
require "fileinto";
if header :is "Subject" "I h\ave a present for you" {
    fileinto "undefined escape";
}
fileinto text: # a comment here is allowed
..stuffed
.kept
.
;
