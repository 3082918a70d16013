# RFC 5232 §3.3 and §3 (no example in the RFC): flag names are
# case-insensitive, empty strings are ignored, removing an absent flag is
# not an error; extra spaces in a flag list are ignored (§2.1); the internal
# variable's flags apply to the implicit keep (§3).
require "imap4flags";
setflag "  Junk   \\Seen  $Label1 ";
removeflag ["junk", "", "\\Flagged"];
