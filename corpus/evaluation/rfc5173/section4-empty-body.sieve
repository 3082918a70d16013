# RFC 5173 §4: a header and the empty line, then nothing: the
# body is the empty string (the empty line is not part of it).
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
