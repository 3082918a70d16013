if header :contains "from" "boss@example.com" {
    keep;
} else header :contains "subject" "sale" {
    discard;
}
