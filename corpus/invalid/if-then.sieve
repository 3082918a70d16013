# There is no "then" in Sieve.
if header :contains "subject" "[SPAM]" then {
    discard;
}
