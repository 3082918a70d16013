require ["fileinto"];
if anyof (header :contains "subject" "report", address :contains "from" "monitoring@example.com") {
    fileinto "Reports";
}
if allof (header :contains "to" "sales@example.com") {
    fileinto "Sales";
    stop;
}
