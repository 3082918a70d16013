if header :comparator ["i;octet"] :contains "subject" "SALE" {
    discard;
}
