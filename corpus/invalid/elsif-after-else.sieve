if header :contains "from" "boss@example.com" {
    keep;
} else {
    discard;
} elsif header :contains "subject" "urgent" {
    keep;
}
