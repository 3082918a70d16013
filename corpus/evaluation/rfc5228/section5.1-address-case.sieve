# RFC 5228 §5.1: the default comparator i;ascii-casemap ignores case: discarded.
if address :is :all "from" "tim@example.com" {
   discard;
}
