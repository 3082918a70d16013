# RFC 5228 §2.7.1: "frobnitzm" contains "frob" and "nit" but not "fbm"; the
# empty key is contained in every value and :is only the empty value; :is is
# the default; "*" and "?" are wildcards of :matches, "\\*" and "\\?" match
# themselves. Each test files into "TEST: yes" or "TEST: no".
require "fileinto";
if header :contains "Subject" "frob" {
  fileinto "header :contains 'Subject' 'frob': yes";
} else {
  fileinto "header :contains 'Subject' 'frob': no";
}
if header :contains "Subject" "nit" {
  fileinto "header :contains 'Subject' 'nit': yes";
} else {
  fileinto "header :contains 'Subject' 'nit': no";
}
if header :contains "Subject" "fbm" {
  fileinto "header :contains 'Subject' 'fbm': yes";
} else {
  fileinto "header :contains 'Subject' 'fbm': no";
}
if header :contains "Subject" "" {
  fileinto "header :contains 'Subject' '': yes";
} else {
  fileinto "header :contains 'Subject' '': no";
}
if header :is "Subject" "frobnitzm" {
  fileinto "header :is 'Subject' 'frobnitzm': yes";
} else {
  fileinto "header :is 'Subject' 'frobnitzm': no";
}
if header :is "Subject" "frob" {
  fileinto "header :is 'Subject' 'frob': yes";
} else {
  fileinto "header :is 'Subject' 'frob': no";
}
if header :is "Subject" "" {
  fileinto "header :is 'Subject' '': yes";
} else {
  fileinto "header :is 'Subject' '': no";
}
if header "Subject" "FROBNITZM" {
  fileinto "header 'Subject' 'FROBNITZM': yes";
} else {
  fileinto "header 'Subject' 'FROBNITZM': no";
}
if header :matches "Subject" "frob*" {
  fileinto "header :matches 'Subject' 'frob*': yes";
} else {
  fileinto "header :matches 'Subject' 'frob*': no";
}
if header :matches "Subject" "frob" {
  fileinto "header :matches 'Subject' 'frob': yes";
} else {
  fileinto "header :matches 'Subject' 'frob': no";
}
if header :matches "Subject" "f?obnitz?" {
  fileinto "header :matches 'Subject' 'f?obnitz?': yes";
} else {
  fileinto "header :matches 'Subject' 'f?obnitz?': no";
}
if header :matches "Subject" "*" {
  fileinto "header :matches 'Subject' '*': yes";
} else {
  fileinto "header :matches 'Subject' '*': no";
}
if header :matches "X-Glob" "*\\*everything\\*!" {
  fileinto "header :matches 'X-Glob' '*\\*everything\\*!': yes";
} else {
  fileinto "header :matches 'X-Glob' '*\\*everything\\*!': no";
}
if header :matches "X-Glob" "*\\?" {
  fileinto "header :matches 'X-Glob' '*\\?': yes";
} else {
  fileinto "header :matches 'X-Glob' '*\\?': no";
}
if header :matches "X-Glob" "*?" {
  fileinto "header :matches 'X-Glob' '*?': yes";
} else {
  fileinto "header :matches 'X-Glob' '*?': no";
}
