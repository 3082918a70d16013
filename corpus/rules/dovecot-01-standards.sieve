require ["comparator-i;ascii-numeric", "enotify", "fileinto", "mime", "relational", "spamtest"];

# rule:[Spam] id=spam kind=spam
if spamtest :value "ge" :comparator "i;ascii-numeric" "5" {
    fileinto "Junk";
    stop;
}

# rule:[Attachments] id=r1
if header :mime :anychild :contains "content-disposition" "attachment" {
    fileinto "shared/bob/Attachments";
    notify :message "New attachment" "mailto:me@example.com";
}
