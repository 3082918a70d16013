require ["body", "fileinto"];

# rule:[Recipient] id=c1
if address :contains ["to", "cc"] "team@example.com" {
    fileinto "Team";
}

# rule:[From, To, Cc, Sender] id=c2
if anyof (address :is "from" "boss@example.com", address :matches "to" "*@example.org", not address :contains "cc" "list", not address :is "sender" "bounces@example.com") {
    fileinto "People";
}

# rule:[Subject words] id=c3
if allof (header :contains "subject" ["project", "budget"], not header :matches "subject" "Re: *", header :is "subject" "Hello", not header :contains "subject" "***", not header :is "subject" "x", header :matches "subject" "?ello*") {
    fileinto "Projects";
}

# rule:[Attachment] id=c4
if body :raw :contains "Content-Disposition: attachment" {
    fileinto "Attachments";
}

# rule:[Size] id=c5
if size :over 2M {
    fileinto "Big";
}

# rule:[Spam] id=c6
if header :is "X-Spam-Flag" "YES" {
    fileinto "Junk";
}

# rule:[All] id=c7
if true {
    keep;
    stop;
}

# rule:[Whole From line] id=c8
if header :contains "from" "Joe Example" {
    fileinto "Joe";
}
