if size 1M :over {
    discard;
}
