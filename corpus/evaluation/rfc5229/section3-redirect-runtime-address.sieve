# RFC 5229 §3 with RFC 5228 §2.4.2.3 and §2.10.6 (no example in either RFC):
# an address built at run time is checked when the action runs; one that is
# not a sieve-address is a runtime error, so no action is taken and the
# implicit keep is.
require ["variables", "fileinto"];
set "user" "not an address";
fileinto "Forwarded";
redirect "${user}";
