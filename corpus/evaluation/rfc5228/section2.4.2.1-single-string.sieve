# RFC 5228 §2.4.2.1: a single string is a list of one: 'exists "To"' is
# 'exists ["To"]'. Both tests are true on message A.
require "fileinto";
if exists "To" {
  fileinto "exists \"To\"";
}
if exists ["To"] {
  fileinto "exists [\"To\"]";
}
