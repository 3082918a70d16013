if address :domain :localpart "from" "example.com" {
    keep;
}
