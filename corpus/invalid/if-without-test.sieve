if {
    discard;
}
