if header :contains :contains "subject" "sale" {
    discard;
}
