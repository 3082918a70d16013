# rule:[Drop all messages from the spam.com domain] id=r1
if address :contains "from" "spam.com" {
    discard;
}
