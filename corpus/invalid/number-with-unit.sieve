# "MB" is not a quantifier: only K, M and G are.
if size :over 10MB {
    discard;
}
