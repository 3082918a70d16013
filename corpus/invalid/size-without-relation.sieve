if size 1M {
    discard;
}
