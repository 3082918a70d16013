if header :contains "list-id" "dev.example.org" {
    fileinto "Lists/Dev";
}
