# RFC 5233 §4 (no example in the RFC): an empty detail is ""; an address
# with no detail matches no key with :detail, not even "*" or ""; :user of
# such an address is its whole local part; address tests take :user and
# :detail too.
require ["envelope", "subaddress", "fileinto"];
if envelope :detail :is "to" "" {
  fileinto "envelope :detail :is 'to' '': yes";
} else {
  fileinto "envelope :detail :is 'to' '': no";
}
if envelope :user :is "to" "ken" {
  fileinto "envelope :user :is 'to' 'ken': yes";
} else {
  fileinto "envelope :user :is 'to' 'ken': no";
}
if address :detail :is "to" "sieve" {
  fileinto "address :detail :is 'to' 'sieve': yes";
} else {
  fileinto "address :detail :is 'to' 'sieve': no";
}
if address :user :is "to" "ken" {
  fileinto "address :user :is 'to' 'ken': yes";
} else {
  fileinto "address :user :is 'to' 'ken': no";
}
if address :detail :matches "cc" "*" {
  fileinto "address :detail :matches 'cc' '*': yes";
} else {
  fileinto "address :detail :matches 'cc' '*': no";
}
if address :detail :is "cc" "" {
  fileinto "address :detail :is 'cc' '': yes";
} else {
  fileinto "address :detail :is 'cc' '': no";
}
if address :user :is "cc" "ken" {
  fileinto "address :user :is 'cc' 'ken': yes";
} else {
  fileinto "address :user :is 'cc' 'ken': no";
}
if address :user :is "from" "someone" {
  fileinto "address :user :is 'from' 'someone': yes";
} else {
  fileinto "address :user :is 'from' 'someone': no";
}
