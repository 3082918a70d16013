# RFC 5228 §4.4: mail from idiot@example.com is thrown out.
if header :contains ["from"] ["idiot@example.com"] {
   discard;
}
