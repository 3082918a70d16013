# RFC 5228 §2.5.1: a message without Date is discarded.
if anyof (not exists ["From", "Date"],
          header :contains "from" "fool@example.com") {
   discard;
}
