# RFC 5232 §5 (no example in the RFC): :flags gives the stored flags, and
# only those; without it the internal variable's flags are used. Flags that
# are not valid IMAP flags, and \Recent, MUST be ignored (§2.1).
require ["imap4flags", "fileinto"];
setflag "\\Seen";
fileinto :flags "\\Flagged" "Explicit";
fileinto "Internal";
fileinto :flags ["\\Recent", "Überflag", "bad(flag", "ok", "\\Deleted"] "Validity";
keep :flags ["$Label1", "\\Answered"];
