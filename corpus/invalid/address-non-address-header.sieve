if address :domain "subject" "example.com" {
    keep;
}
