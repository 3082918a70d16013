# Two tests need anyof or allof.
if (header :contains "subject" "sale", header :contains "subject" "offer") {
    discard;
}
