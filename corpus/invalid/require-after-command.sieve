keep;
require "envelope";
if envelope :domain "from" "example.com" {
    discard;
}
