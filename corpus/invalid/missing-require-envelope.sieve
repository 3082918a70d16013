if envelope :domain "to" "example.net" {
    discard;
}
