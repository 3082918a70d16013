# RFC 5232 §3.3: not list mail: the flag is
# added to "flagvar", which is not the internal variable, so the implicit
# keep has no flags.
require ["imap4flags", "fileinto", "variables"];
if header :contains "Disposition-Notification-To"
   "mel@example.com" {
    addflag "flagvar" "$MDNRequired";
}
if header :contains "from" "imap@cac.washington.example.edu" {
    removeflag "flagvar" "$MDNRequired";
    fileinto :flags "${flagvar}" "INBOX.imap-list";
}
