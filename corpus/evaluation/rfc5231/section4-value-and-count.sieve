# RFC 5231 §4.1, §4.2 (no example in the RFC): :value compares the message
# value (left) with the key (right), true if any pair is true; address
# :count counts the mailboxes of groups but not the group names; envelope
# "from" counts 0 for the null sender. For i;ascii-numeric a string that
# does not start with a digit is "positive infinity" (RFC 4790 §9.1.1): "low"
# equals "high" and is greater than 99999.
require ["relational", "comparator-i;ascii-numeric", "envelope", "fileinto"];
if header :value "gt" :comparator "i;ascii-numeric" "X-Score" ["10", "40"] {
  fileinto "header :value 'gt' :comparator 'i;ascii-numeric' 'X-Score' ['10', '40']: yes";
} else {
  fileinto "header :value 'gt' :comparator 'i;ascii-numeric' 'X-Score' ['10', '40']: no";
}
if header :value "gt" :comparator "i;ascii-numeric" "X-Score" ["40", "50"] {
  fileinto "header :value 'gt' :comparator 'i;ascii-numeric' 'X-Score' ['40', '50']: yes";
} else {
  fileinto "header :value 'gt' :comparator 'i;ascii-numeric' 'X-Score' ['40', '50']: no";
}
if header :value "eq" :comparator "i;ascii-numeric" "X-Score" "0030" {
  fileinto "header :value 'eq' :comparator 'i;ascii-numeric' 'X-Score' '0030': yes";
} else {
  fileinto "header :value 'eq' :comparator 'i;ascii-numeric' 'X-Score' '0030': no";
}
if header :value "ne" :comparator "i;ascii-numeric" "X-Score" "30" {
  fileinto "header :value 'ne' :comparator 'i;ascii-numeric' 'X-Score' '30': yes";
} else {
  fileinto "header :value 'ne' :comparator 'i;ascii-numeric' 'X-Score' '30': no";
}
if header :value "lt" "Subject" "b" {
  fileinto "header :value 'lt' 'Subject' 'b': yes";
} else {
  fileinto "header :value 'lt' 'Subject' 'b': no";
}
if header :value "ge" :comparator "i;octet" "Subject" "b" {
  fileinto "header :value 'ge' :comparator 'i;octet' 'Subject' 'b': yes";
} else {
  fileinto "header :value 'ge' :comparator 'i;octet' 'Subject' 'b': no";
}
if address :count "eq" :comparator "i;ascii-numeric" "to" "3" {
  fileinto "address :count 'eq' :comparator 'i;ascii-numeric' 'to' '3': yes";
} else {
  fileinto "address :count 'eq' :comparator 'i;ascii-numeric' 'to' '3': no";
}
if address :count "eq" :comparator "i;ascii-numeric" ["to", "cc", "bcc"] "3" {
  fileinto "address :count 'eq' :comparator 'i;ascii-numeric' ['to', 'cc', 'bcc'] '3': yes";
} else {
  fileinto "address :count 'eq' :comparator 'i;ascii-numeric' ['to', 'cc', 'bcc'] '3': no";
}
if header :count "eq" :comparator "i;ascii-numeric" "x-missing" "0" {
  fileinto "header :count 'eq' :comparator 'i;ascii-numeric' 'x-missing' '0': yes";
} else {
  fileinto "header :count 'eq' :comparator 'i;ascii-numeric' 'x-missing' '0': no";
}
if envelope :count "eq" :comparator "i;ascii-numeric" "from" "0" {
  fileinto "envelope :count 'eq' :comparator 'i;ascii-numeric' 'from' '0': yes";
} else {
  fileinto "envelope :count 'eq' :comparator 'i;ascii-numeric' 'from' '0': no";
}
if envelope :count "eq" :comparator "i;ascii-numeric" "to" "1" {
  fileinto "envelope :count 'eq' :comparator 'i;ascii-numeric' 'to' '1': yes";
} else {
  fileinto "envelope :count 'eq' :comparator 'i;ascii-numeric' 'to' '1': no";
}
if header :value "eq" :comparator "i;ascii-numeric" "X-Word" "high" {
  fileinto "header :value 'eq' :comparator 'i;ascii-numeric' 'X-Word' 'high': yes";
} else {
  fileinto "header :value 'eq' :comparator 'i;ascii-numeric' 'X-Word' 'high': no";
}
if header :value "gt" :comparator "i;ascii-numeric" "X-Word" "99999" {
  fileinto "header :value 'gt' :comparator 'i;ascii-numeric' 'X-Word' '99999': yes";
} else {
  fileinto "header :value 'gt' :comparator 'i;ascii-numeric' 'X-Word' '99999': no";
}
