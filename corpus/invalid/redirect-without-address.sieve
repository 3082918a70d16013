if header :contains "from" "boss@example.com" {
    redirect;
}
