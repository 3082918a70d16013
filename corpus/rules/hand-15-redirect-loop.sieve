if address :is "to" "alias@example.com" {
    redirect "me@example.net";
}
