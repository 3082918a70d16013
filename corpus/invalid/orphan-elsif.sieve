# The "if" was deleted when the first rule was removed.
elsif header :contains "subject" "sale" {
    discard;
}
else {
    keep;
}
