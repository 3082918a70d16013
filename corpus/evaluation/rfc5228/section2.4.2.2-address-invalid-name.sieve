# RFC 5228 §2.4.2.2: "An implementation MUST NOT cause an error for
# syntactically invalid header names in tests": "From:" is not a header
# name, so the address test is simply false (§5.1 restricts address to
# address headers, but this name is not a header at all).
require "fileinto";
if address :all :contains "From:" "" {
  fileinto "address From: (never)";
}
