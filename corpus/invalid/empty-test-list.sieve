if allof () {
    discard;
}
