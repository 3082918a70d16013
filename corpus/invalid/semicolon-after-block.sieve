# A ';' after the closing brace, as in C.
if header :contains "subject" "[SPAM]" {
    discard;
};
