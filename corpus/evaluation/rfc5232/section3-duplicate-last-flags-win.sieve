# RFC 5232 §3: "when keep/fileinto is used multiple times in a script and
# duplicate message elimination is performed ..., the last flag list value
# MUST win."
require ["imap4flags", "fileinto"];
fileinto :flags "\\Seen" "Same";
keep :flags "first";
fileinto :flags "\\Flagged" "Same";
keep :flags "second";
