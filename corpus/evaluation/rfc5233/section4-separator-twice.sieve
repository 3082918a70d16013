# RFC 5233 §4: when the separator occurs more than once, how the local
# part splits is implementation-defined. sievekit splits at the first one
# (extensions/subaddress/subaddress.cc): user "ken", detail "lists+sieve".
require ["envelope", "subaddress", "fileinto"];
if envelope :user :is "to" "ken" {
  fileinto "envelope :user :is 'to' 'ken': yes";
} else {
  fileinto "envelope :user :is 'to' 'ken': no";
}
if envelope :detail :is "to" "lists+sieve" {
  fileinto "envelope :detail :is 'to' 'lists+sieve': yes";
} else {
  fileinto "envelope :detail :is 'to' 'lists+sieve': no";
}
