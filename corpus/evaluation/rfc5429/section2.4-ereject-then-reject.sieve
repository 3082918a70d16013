# RFC 5429 §2.4: "Implementations MUST prohibit the execution of more than
# one "reject"" (ereject counts as a reject). A runtime error: no action is taken, the
# implicit keep is (RFC 5228 §2.10.6), and the error is reported.
require ["reject", "ereject"];
ereject "first";
reject "second";
