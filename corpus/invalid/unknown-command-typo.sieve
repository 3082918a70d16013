if header :contains "subject" "[SPAM]" {
    discrad;
}
