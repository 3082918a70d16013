# RFC 5228 §2.7.2: header text in other charsets is converted to UTF-8
# before comparison (the Subject is ISO-8859-1 in an RFC 2047 encoded word).
# i;ascii-casemap folds only the ASCII letters, so "É" does not match "é".
# An encoded NUL octet does not end the value (X-Nul is "before", NUL,
# "after").
require "fileinto";
if header :contains "Subject" "Café" {
  fileinto "header :contains 'Subject' 'Café': yes";
} else {
  fileinto "header :contains 'Subject' 'Café': no";
}
if header :is "Subject" "Café crème" {
  fileinto "header :is 'Subject' 'Café crème': yes";
} else {
  fileinto "header :is 'Subject' 'Café crème': no";
}
if header :contains "Subject" "=?ISO-8859-1?" {
  fileinto "header :contains 'Subject' '=?ISO-8859-1?': yes";
} else {
  fileinto "header :contains 'Subject' '=?ISO-8859-1?': no";
}
if header :contains "Subject" "CAFé" {
  fileinto "header :contains 'Subject' 'CAFé': yes";
} else {
  fileinto "header :contains 'Subject' 'CAFé': no";
}
if header :contains "Subject" "CAFÉ" {
  fileinto "header :contains 'Subject' 'CAFÉ': yes";
} else {
  fileinto "header :contains 'Subject' 'CAFÉ': no";
}
if header :contains "X-Nul" "after" {
  fileinto "header :contains 'X-Nul' 'after': yes";
} else {
  fileinto "header :contains 'X-Nul' 'after': no";
}
