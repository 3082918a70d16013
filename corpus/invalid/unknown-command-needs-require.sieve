if header :contains "subject" "[SPAM]" {
    fileint "Junk";
}
