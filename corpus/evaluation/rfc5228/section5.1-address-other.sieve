# RFC 5228 §5.1: message A is not from tim: kept.
if address :is :all "from" "tim@example.com" {
   discard;
}
