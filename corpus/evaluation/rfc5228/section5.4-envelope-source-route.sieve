# RFC 5228 §5.4: envelope tests drop source routes: discarded.
require "envelope";
if envelope :all :is "from" "tim@example.com" {
   discard;
}
