require ["fileinto", "notify"];

# rule:[Drafts] id=r1
if header :contains "subject" "draft" {
    fileinto "INBOX.Entw&APw-rfe";
}

# rule:[Shared] id=r2
if address :is "from" "bob@example.com" {
    fileinto "user.bob.Shared";
    notify :method "mailto" :options "me@example.com" :message "$subject$";
}

# rule:[Public] id=r3
if header :contains "subject" "news" {
    fileinto "News.Tom &- Jerry";
}

# rule:[Not canonical UTF-7] id=r4
if header :contains "subject" "x" {
    fileinto "INBOX.&AOk-&AOk-";
}
