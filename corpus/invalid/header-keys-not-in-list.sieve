# Several keys must be written as one list: ["sale", "offer"].
if header :contains "subject" "sale" "offer" {
    discard;
}
