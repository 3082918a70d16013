# RFC 5173 §4: a message that is only a header, with no
# empty line after it, has no body: every body test is false, even one for
# the empty string.
require ["body", "fileinto"];
if body :raw :contains "" {
    fileinto "raw contains the empty string";
}
if body :text :contains "" {
    fileinto "text contains the empty string";
}
if body :raw :is "" {
    fileinto "raw is the empty string";
}
