# A space between the colon and the tag name.
if header : contains "subject" "sale" {
    discard;
}
