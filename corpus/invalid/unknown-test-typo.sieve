if hedaer :contains "subject" "[SPAM]" {
    discard;
}
