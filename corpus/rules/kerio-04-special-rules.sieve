require ["fileinto", "vacation"];

# rule:[Spam] id=spam kind=spam contacts=pending
if allof (header :is "X-Spam-Flag" "YES", not address :is "from" ["boss@example.com", "friend@example.org"]) {
    fileinto "Junk";
    stop;
}

# rule:[Out of office] id=out_of_office kind=out_of_office
if allof (not exists ["list-id", "list-post", "list-unsubscribe"], not header :is "precedence" ["list", "bulk", "junk"], not header :contains "auto-submitted" "auto-") {
    vacation :days 7 text:
I am out of the office until Monday.
.
;
}

# rule:[Thanks] id=r1
if address :is "from" "customer@example.com" {
    if false { vacation :days 7 "Thanks!"; }
}
