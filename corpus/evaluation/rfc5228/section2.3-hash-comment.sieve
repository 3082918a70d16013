# RFC 5228 §2.3, a hash comment: message A is small, so nothing happens.
if size :over 100k { # this is a comment
   discard;
}
