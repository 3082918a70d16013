if header :contains "subject" "[SPAM]" {
    discard;
} elsif {
    keep;
}
