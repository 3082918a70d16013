# RFC 5228 §3.3 (no example in the RFC): if the implicit keep has not been
# cancelled when stop runs, it is taken.
if true {
   stop;
}
discard;
