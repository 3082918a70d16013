# RFC 5228 §5.4: the null reverse-path (MAIL FROM:<>) is matched as the
# empty string, regardless of the address part.
require ["envelope", "fileinto"];
if envelope :all :is "from" "" {
  fileinto "envelope :all :is 'from' '': yes";
} else {
  fileinto "envelope :all :is 'from' '': no";
}
if envelope :localpart :is "from" "" {
  fileinto "envelope :localpart :is 'from' '': yes";
} else {
  fileinto "envelope :localpart :is 'from' '': no";
}
if envelope :domain :is "from" "" {
  fileinto "envelope :domain :is 'from' '': yes";
} else {
  fileinto "envelope :domain :is 'from' '': no";
}
if envelope :all :matches "from" "?*" {
  fileinto "envelope :all :matches 'from' '?*': yes";
} else {
  fileinto "envelope :all :matches 'from' '?*': no";
}
if envelope :domain :is "to" "example.org" {
  fileinto "envelope :domain :is 'to' 'example.org': yes";
} else {
  fileinto "envelope :domain :is 'to' 'example.org': no";
}
