if discard {
    keep;
}
