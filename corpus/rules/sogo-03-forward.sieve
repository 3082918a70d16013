require ["fileinto","copy"];
if anyof (header :contains "from" "boss") {
    redirect "assistant@example.com";
    keep;
}
redirect :copy "archive@example.com";
