if header :comparator :contains "subject" "sale" {
    discard;
}
