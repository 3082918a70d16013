# There is no "subject" test: header names go in a header test.
if subject :contains "unsubscribe" {
    discard;
}
