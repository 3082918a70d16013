# RFC 5228 §2.4.2.2: spaces between a field name and its colon are ignored;
# no header matches "From:" (with the colon) or a syntactically invalid
# name, and such names are not an error. (The address test is in
# section2.4.2.2-address-invalid-name.)
require "fileinto";
if header :is "From" "coyote@desert.example.org" {
  fileinto "From";
}
if header :is "Subject" "spaced before the colon" {
  fileinto "Subject";
}
if header :contains "From:" "" {
  fileinto "From: (never)";
}
if exists "From:" {
  fileinto "exists From: (never)";
}
if header :contains ["Bad Name", "", "X-\"quoted\""] "" {
  fileinto "invalid names (never)";
}
