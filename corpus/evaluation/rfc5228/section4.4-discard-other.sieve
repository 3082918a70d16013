# RFC 5228 §4.4: message A is not from the idiot: kept.
if header :contains ["from"] ["idiot@example.com"] {
   discard;
}
