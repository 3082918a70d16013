# RFC 5232 §3: "If the SIEVE interpreter doesn't support the "variables"
# extension, the presence of the variable name parameter will cause a
# runtime error." Here "variables" is not required, and an extension that is
# not required must be treated as unsupported (RFC 5228 §2.10.5): an error
# (found at compile time or at run time).
require "imap4flags";
addflag "MyVar" "\\Seen";
keep;
