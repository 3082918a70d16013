# RFC 5429 §2.4: "Implementations MUST prohibit the execution of more than
# one "reject"" (reject twice). A runtime error: no action is taken, the
# implicit keep is (RFC 5228 §2.10.6), and the error is reported.
require ["reject"];
reject "first";
reject "second";
