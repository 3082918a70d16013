# RFC 5232 §3.3: the flag added for the
# Disposition-Notification-To is removed for list mail: filed without flags.
require ["imap4flags", "fileinto", "variables"];
if header :contains "Disposition-Notification-To"
   "mel@example.com" {
    addflag "flagvar" "$MDNRequired";
}
if header :contains "from" "imap@cac.washington.example.edu" {
    removeflag "flagvar" "$MDNRequired";
    fileinto :flags "${flagvar}" "INBOX.imap-list";
}
