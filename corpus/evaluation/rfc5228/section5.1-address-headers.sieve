# RFC 5228 §5.1: the address test MUST work on at least From, To, Cc, Bcc,
# Sender, Resent-From and Resent-To (and SHOULD on other address-list
# fields, such as Reply-To).
require "fileinto";
if address :is "From" "from@example.com" {
  fileinto "address :is 'From' 'from@example.com': yes";
} else {
  fileinto "address :is 'From' 'from@example.com': no";
}
if address :is "To" "to@example.com" {
  fileinto "address :is 'To' 'to@example.com': yes";
} else {
  fileinto "address :is 'To' 'to@example.com': no";
}
if address :is "Cc" "cc@example.com" {
  fileinto "address :is 'Cc' 'cc@example.com': yes";
} else {
  fileinto "address :is 'Cc' 'cc@example.com': no";
}
if address :is "Bcc" "bcc@example.com" {
  fileinto "address :is 'Bcc' 'bcc@example.com': yes";
} else {
  fileinto "address :is 'Bcc' 'bcc@example.com': no";
}
if address :is "Sender" "sender@example.com" {
  fileinto "address :is 'Sender' 'sender@example.com': yes";
} else {
  fileinto "address :is 'Sender' 'sender@example.com': no";
}
if address :is "Resent-From" "resent-from@example.com" {
  fileinto "address :is 'Resent-From' 'resent-from@example.com': yes";
} else {
  fileinto "address :is 'Resent-From' 'resent-from@example.com': no";
}
if address :is "Resent-To" "resent-to@example.com" {
  fileinto "address :is 'Resent-To' 'resent-to@example.com': yes";
} else {
  fileinto "address :is 'Resent-To' 'resent-to@example.com': no";
}
if address :is "Reply-To" "reply-to@example.com" {
  fileinto "address :is 'Reply-To' 'reply-to@example.com': yes";
} else {
  fileinto "address :is 'Reply-To' 'reply-to@example.com': no";
}
