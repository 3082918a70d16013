# RFC 5228 §2.7.4 and §5.1: an address that is not syntactically valid (a
# From with no domain) is not matched by :localpart or :domain; :all is the
# default; the comparator decides case sensitivity; the phrase is never
# matched.
require "fileinto";
if address :localpart :matches "from" "*" {
  fileinto "address :localpart :matches 'from' '*': yes";
} else {
  fileinto "address :localpart :matches 'from' '*': no";
}
if address :domain :matches "from" "*" {
  fileinto "address :domain :matches 'from' '*': yes";
} else {
  fileinto "address :domain :matches 'from' '*': no";
}
if address :localpart :is "to" "roadrunner" {
  fileinto "address :localpart :is 'to' 'roadrunner': yes";
} else {
  fileinto "address :localpart :is 'to' 'roadrunner': no";
}
if address :localpart :comparator "i;octet" :is "to" "roadrunner" {
  fileinto "address :localpart :comparator 'i;octet' :is 'to' 'roadrunner': yes";
} else {
  fileinto "address :localpart :comparator 'i;octet' :is 'to' 'roadrunner': no";
}
if address :domain :is "to" "acme.example.com" {
  fileinto "address :domain :is 'to' 'acme.example.com': yes";
} else {
  fileinto "address :domain :is 'to' 'acme.example.com': no";
}
if address :is "to" "roadrunner@acme.example.com" {
  fileinto "address :is 'to' 'roadrunner@acme.example.com': yes";
} else {
  fileinto "address :is 'to' 'roadrunner@acme.example.com': no";
}
if address :all :contains "to" "Road Runner" {
  fileinto "address :all :contains 'to' 'Road Runner': yes";
} else {
  fileinto "address :all :contains 'to' 'Road Runner': no";
}
