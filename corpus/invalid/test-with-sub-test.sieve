if exists "x-spam-flag" true {
    discard;
}
