# RFC 5228 §2.3, bracketed comments: a 1 MiB message is over 100K and is discarded.
if size :over 100K { /* this is a comment
   this is still a comment */ discard /* this is a comment
   */ ;
}
