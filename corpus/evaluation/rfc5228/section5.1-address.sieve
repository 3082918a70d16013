# RFC 5228 §5.1: the address of "Tim <tim@example.com>" is tim@example.com: discarded.
if address :is :all "from" "tim@example.com" {
   discard;
}
