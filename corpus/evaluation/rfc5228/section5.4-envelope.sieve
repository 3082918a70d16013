# RFC 5228 §5.4: MAIL FROM:<tim@example.com> is discarded.
require "envelope";
if envelope :all :is "from" "tim@example.com" {
   discard;
}
