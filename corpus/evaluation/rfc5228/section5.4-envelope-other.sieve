# RFC 5228 §5.4: another envelope sender is kept.
require "envelope";
if envelope :all :is "from" "tim@example.com" {
   discard;
}
