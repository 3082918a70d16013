require "envelope";
if envelope :is "sender" "boss@example.com" {
    keep;
}
