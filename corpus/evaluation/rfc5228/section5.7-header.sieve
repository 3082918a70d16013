# RFC 5228 §5.7: a present header contains the empty key but is not :is the
# empty key; an absent header matches no key, not even the empty one; values
# are compared without leading and trailing whitespace.
require "fileinto";
if header :is ["X-Caffeine"] [""] {
  fileinto "header :is ['X-Caffeine'] ['']: yes";
} else {
  fileinto "header :is ['X-Caffeine'] ['']: no";
}
if header :contains ["X-Caffeine"] [""] {
  fileinto "header :contains ['X-Caffeine'] ['']: yes";
} else {
  fileinto "header :contains ['X-Caffeine'] ['']: no";
}
if header :is "X-Caffeine" "C8H10N4O2" {
  fileinto "header :is 'X-Caffeine' 'C8H10N4O2': yes";
} else {
  fileinto "header :is 'X-Caffeine' 'C8H10N4O2': no";
}
if header :contains ["X-Decaf"] [""] {
  fileinto "header :contains ['X-Decaf'] ['']: yes";
} else {
  fileinto "header :contains ['X-Decaf'] ['']: no";
}
if header :is "X-Padded" "padded value" {
  fileinto "header :is 'X-Padded' 'padded value': yes";
} else {
  fileinto "header :is 'X-Padded' 'padded value': no";
}
