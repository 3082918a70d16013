if exists "from" "date" {
    keep;
}
