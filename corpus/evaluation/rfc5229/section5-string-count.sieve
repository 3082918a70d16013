# RFC 5229 §5: with "relational", the :count of a string is 0 if it is
# empty and 1 otherwise, summed over the source list. No whitespace is
# stripped from the source.
require ["variables", "fileinto", "relational", "comparator-i;ascii-numeric"];
set "empty" "";
if string :count "eq" :comparator "i;ascii-numeric" ["a", "", "b"] "2" {
  fileinto "string :count 'eq' :comparator 'i;ascii-numeric' ['a', '', 'b'] '2': yes";
} else {
  fileinto "string :count 'eq' :comparator 'i;ascii-numeric' ['a', '', 'b'] '2': no";
}
if string :count "eq" :comparator "i;ascii-numeric" "${empty}" "0" {
  fileinto "string :count 'eq' :comparator 'i;ascii-numeric' '${empty}' '0': yes";
} else {
  fileinto "string :count 'eq' :comparator 'i;ascii-numeric' '${empty}' '0': no";
}
if string :count "eq" :comparator "i;ascii-numeric" [" ", "${empty}"] "1" {
  fileinto "string :count 'eq' :comparator 'i;ascii-numeric' [' ', '${empty}'] '1': yes";
} else {
  fileinto "string :count 'eq' :comparator 'i;ascii-numeric' [' ', '${empty}'] '1': no";
}
if string :is " x " "x" {
  fileinto "string :is ' x ' 'x': yes";
} else {
  fileinto "string :is ' x ' 'x': no";
}
