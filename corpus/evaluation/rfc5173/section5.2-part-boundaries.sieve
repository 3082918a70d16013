# RFC 5173 §5.2: "Each matched part is matched against independently:
# search expressions MUST NOT match across MIME part boundaries"; the
# default comparator i;ascii-casemap applies; text is converted from
# ISO-8859-1 to UTF-8; a NUL octet does not end the text (the second part
# is "before", NUL, "after").
require ["body", "fileinto", "encoded-character"];
if body :content "text" :matches "*first part*second part*" {
  fileinto "body :content 'text' :matches '*first part*second part*': yes";
} else {
  fileinto "body :content 'text' :matches '*first part*second part*': no";
}
if body :content "text" :matches "*first part*" {
  fileinto "body :content 'text' :matches '*first part*': yes";
} else {
  fileinto "body :content 'text' :matches '*first part*': no";
}
if body :content "text" :contains "FIRST PART" {
  fileinto "body :content 'text' :contains 'FIRST PART': yes";
} else {
  fileinto "body :content 'text' :contains 'FIRST PART': no";
}
if body :content "text" :comparator "i;octet" :contains "FIRST PART" {
  fileinto "body :content 'text' :comparator 'i;octet' :contains 'FIRST PART': yes";
} else {
  fileinto "body :content 'text' :comparator 'i;octet' :contains 'FIRST PART': no";
}
if body :content "text" :contains "café" {
  fileinto "body :content 'text' :contains 'café': yes";
} else {
  fileinto "body :content 'text' :contains 'café': no";
}
if body :text :contains "before${hex:00}after" {
  fileinto "body :text :contains 'before${hex:00}after': yes";
} else {
  fileinto "body :text :contains 'before${hex:00}after': no";
}
if body :raw :contains "--part--" {
  fileinto "body :raw :contains '--part--': yes";
} else {
  fileinto "body :raw :contains '--part--': no";
}
if body :text :contains "--part" {
  fileinto "body :text :contains '--part': yes";
} else {
  fileinto "body :text :contains '--part': no";
}
