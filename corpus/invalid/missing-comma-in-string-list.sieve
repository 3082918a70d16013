if header :contains "from" ["alice@example.com" "bob@example.com"] {
    keep;
}
