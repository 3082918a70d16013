if size :over 5M {
    discard;
} else {
    keep;
} else {
    stop;
}
