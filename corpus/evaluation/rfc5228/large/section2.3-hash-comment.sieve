# RFC 5228 §2.3, a hash comment: a 1 MiB message is over 100K and is discarded.
if size :over 100k { # this is a comment
   discard;
}
