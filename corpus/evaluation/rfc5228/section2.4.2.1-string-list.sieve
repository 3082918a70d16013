# RFC 5228 §2.4.2.1: the test is true if either a To or a Cc header
# contains either address. Message A is to neither.
require "fileinto";
if header :contains ["To", "Cc"]
    ["me@example.com", "me00@landru.example.com"] {
  fileinto "to me";
}
