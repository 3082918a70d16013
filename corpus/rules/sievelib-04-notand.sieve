require ["fileinto", "reject"];

# Filter: not-and
if allof (not header :contains "Subject" "urgent", exists "X-Mailer") {
    fileinto "Later";
}
# Filter: reject
if anyof (header :is "From" "nobody@example.com") {
    reject "go away";
}
