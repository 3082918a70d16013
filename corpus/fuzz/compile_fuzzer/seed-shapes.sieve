require ["fileinto", "envelope", "encoded-character"];
# hash comment
/* bracket
   comment */
if anyof (header :contains ["subject", "x-spam"] ["money", "${hex:41 42}"],
          not exists "from", allof (true, size :over 1M)) {
    fileinto "Junk"; stop;
} elsif envelope :localpart :matches "to" "*+*" {
    redirect "someone@example.com";
} else {
    keep;
}
vacation text:
..dot-stuffed
.
;
