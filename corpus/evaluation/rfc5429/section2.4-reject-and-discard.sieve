# RFC 5429 §2.4: discard is compatible with every action (RFC 5228 §4.4),
# including reject.
require ["reject"];
reject "go away";
discard;
