if size :over :under 1M {
    discard;
}
