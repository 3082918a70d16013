# RFC 5232 §4: the hasflag examples on variables.
require ["imap4flags", "fileinto", "variables", "relational", "comparator-i;ascii-numeric"];
set "MyVar" "NonJunk Junk gnus-forward $Forwarded NotJunk JunkRecorded $Junk $NotJunk";
set "MyFlags" "A B";
if hasflag :contains "MyVar" "Junk" {
  fileinto "hasflag :contains 'MyVar' 'Junk': yes";
} else {
  fileinto "hasflag :contains 'MyVar' 'Junk': no";
}
if hasflag :contains "MyVar" "forward" {
  fileinto "hasflag :contains 'MyVar' 'forward': yes";
} else {
  fileinto "hasflag :contains 'MyVar' 'forward': no";
}
if hasflag :contains "MyVar" ["label", "forward"] {
  fileinto "hasflag :contains 'MyVar' ['label', 'forward']: yes";
} else {
  fileinto "hasflag :contains 'MyVar' ['label', 'forward']: no";
}
if hasflag :contains "MyVar" ["junk", "forward"] {
  fileinto "hasflag :contains 'MyVar' ['junk', 'forward']: yes";
} else {
  fileinto "hasflag :contains 'MyVar' ['junk', 'forward']: no";
}
if hasflag :contains "MyVar" "junk forward" {
  fileinto "hasflag :contains 'MyVar' 'junk forward': yes";
} else {
  fileinto "hasflag :contains 'MyVar' 'junk forward': no";
}
if hasflag :contains "MyVar" "forward junk" {
  fileinto "hasflag :contains 'MyVar' 'forward junk': yes";
} else {
  fileinto "hasflag :contains 'MyVar' 'forward junk': no";
}
if hasflag :contains "MyVar" "label" {
  fileinto "hasflag :contains 'MyVar' 'label': yes";
} else {
  fileinto "hasflag :contains 'MyVar' 'label': no";
}
if hasflag :contains "MyVar" ["label1", "label2"] {
  fileinto "hasflag :contains 'MyVar' ['label1', 'label2']: yes";
} else {
  fileinto "hasflag :contains 'MyVar' ['label1', 'label2']: no";
}
if hasflag :count "ge" :comparator "i;ascii-numeric" "MyFlags" "2" {
  fileinto "hasflag :count 'ge' :comparator 'i;ascii-numeric' 'MyFlags' '2': yes";
} else {
  fileinto "hasflag :count 'ge' :comparator 'i;ascii-numeric' 'MyFlags' '2': no";
}
