# RFC 5228 §5.5: all of the headers must exist: a message without Date is discarded.
if not exists ["From","Date"] {
   discard;
}
