# RFC 5232 §3.1, the more substantial example: other mail is kept, without
# flags (flagvar is not the internal variable).
require ["imap4flags", "fileinto", "variables"];
if header :contains "from" "boss@frobnitzm.example.edu" {
    setflag "flagvar" "\\Flagged";
    fileinto :flags "${flagvar}" "INBOX.From Boss";
}
