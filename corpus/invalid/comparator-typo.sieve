if header :comparator "i;octect" :contains "subject" "SALE" {
    discard;
}
