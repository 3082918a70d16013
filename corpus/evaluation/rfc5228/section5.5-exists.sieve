# RFC 5228 §5.5: message A has From and Date: kept.
if not exists ["From","Date"] {
   discard;
}
