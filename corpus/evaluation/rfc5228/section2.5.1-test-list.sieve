# RFC 5228 §2.5.1: message A has From and Date and is not from the fool: kept.
if anyof (not exists ["From", "Date"],
          header :contains "from" "fool@example.com") {
   discard;
}
