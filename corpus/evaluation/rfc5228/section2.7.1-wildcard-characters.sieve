# RFC 5228 §2.7.1: "?" matches one character as the comparator defines it:
# one octet for i;octet and i;ascii-casemap, one Unicode character for a
# Unicode comparator (RFC 5051). The Subject is "é", two octets in UTF-8.
require ["fileinto", "comparator-i;unicode-casemap"];
if header :matches "Subject" "?" {
  fileinto "header :matches 'Subject' '?': yes";
} else {
  fileinto "header :matches 'Subject' '?': no";
}
if header :matches "Subject" "??" {
  fileinto "header :matches 'Subject' '??': yes";
} else {
  fileinto "header :matches 'Subject' '??': no";
}
if header :matches :comparator "i;octet" "Subject" "??" {
  fileinto "header :matches :comparator 'i;octet' 'Subject' '??': yes";
} else {
  fileinto "header :matches :comparator 'i;octet' 'Subject' '??': no";
}
if header :matches :comparator "i;unicode-casemap" "Subject" "?" {
  fileinto "header :matches :comparator 'i;unicode-casemap' 'Subject' '?': yes";
} else {
  fileinto "header :matches :comparator 'i;unicode-casemap' 'Subject' '?': no";
}
if header :matches :comparator "i;unicode-casemap" "Subject" "??" {
  fileinto "header :matches :comparator 'i;unicode-casemap' 'Subject' '??': yes";
} else {
  fileinto "header :matches :comparator 'i;unicode-casemap' 'Subject' '??': no";
}
