# RFC 5228 §2.3, bracketed comments: message A is small, so nothing happens.
if size :over 100K { /* this is a comment
   this is still a comment */ discard /* this is a comment
   */ ;
}
