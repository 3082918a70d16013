if anyof (header :contains "subject" "sale"
          header :contains "subject" "offer") {
    discard;
}
