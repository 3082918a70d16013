# RFC 5231 §6: the example tests on the example message (two Received
# fields, a subject, two To addresses and one Cc address). :count counts
# addresses for address, fields for header.
require ["relational", "comparator-i;ascii-numeric", "fileinto"];
if address :count "ge" :comparator "i;ascii-numeric" ["to", "cc"] ["3"] {
  fileinto "address :count 'ge' :comparator 'i;ascii-numeric' ['to', 'cc'] ['3']: yes";
} else {
  fileinto "address :count 'ge' :comparator 'i;ascii-numeric' ['to', 'cc'] ['3']: no";
}
if anyof (address :count "ge" :comparator "i;ascii-numeric" ["to"] ["3"], address :count "ge" :comparator "i;ascii-numeric" ["cc"] ["3"]) {
  fileinto "anyof (address :count 'ge' :comparator 'i;ascii-numeric' ['to'] ['3'], address :count 'ge' :comparator 'i;ascii-numeric' ['cc'] ['3']): yes";
} else {
  fileinto "anyof (address :count 'ge' :comparator 'i;ascii-numeric' ['to'] ['3'], address :count 'ge' :comparator 'i;ascii-numeric' ['cc'] ['3']): no";
}
if header :count "ge" :comparator "i;ascii-numeric" ["received"] ["3"] {
  fileinto "header :count 'ge' :comparator 'i;ascii-numeric' ['received'] ['3']: yes";
} else {
  fileinto "header :count 'ge' :comparator 'i;ascii-numeric' ['received'] ['3']: no";
}
if header :count "ge" :comparator "i;ascii-numeric" ["received", "subject"] ["3"] {
  fileinto "header :count 'ge' :comparator 'i;ascii-numeric' ['received', 'subject'] ['3']: yes";
} else {
  fileinto "header :count 'ge' :comparator 'i;ascii-numeric' ['received', 'subject'] ['3']: no";
}
if header :count "ge" :comparator "i;ascii-numeric" ["to", "cc"] ["3"] {
  fileinto "header :count 'ge' :comparator 'i;ascii-numeric' ['to', 'cc'] ['3']: yes";
} else {
  fileinto "header :count 'ge' :comparator 'i;ascii-numeric' ['to', 'cc'] ['3']: no";
}
