if header :contains "from" "boss@example.com" {
    keep;
} elseif header :contains "subject" "sale" {
    discard;
}
