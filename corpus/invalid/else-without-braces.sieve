if header :contains "subject" "[SPAM]" {
    discard;
} else keep;
