# RFC 5429 §2.2: a small message is kept (message A).
# This script has CRLF line endings: the reason is the text between
# "text:" and the final ".", with the CRLF before the "." (RFC 5228 §2.4.2).
require ["reject"];

if size :over 100K {
    reject text:
Your message is too big.  If you want to send me a big attachment,
put it on a public web site and send me a URL.
.
    ;
}
