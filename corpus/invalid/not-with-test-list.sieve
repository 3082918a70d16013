if not (exists "from", exists "date") {
    discard;
}
