if header "subject" :contains "sale" {
    discard;
}
