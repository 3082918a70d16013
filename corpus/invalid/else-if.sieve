# C's "else if" is written "elsif" in Sieve.
if header :contains "from" "boss@example.com" {
    keep;
} else if header :contains "subject" "sale" {
    discard;
}
