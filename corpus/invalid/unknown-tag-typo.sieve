if header :contians "subject" "[SPAM]" {
    discard;
}
