# RFC 5228 §2.5.1: a message from fool@example.com is discarded.
if anyof (not exists ["From", "Date"],
          header :contains "from" "fool@example.com") {
   discard;
}
