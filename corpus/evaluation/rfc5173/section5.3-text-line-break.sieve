# RFC 5173 §5.3: the two words are on two lines: the text has a
# CRLF between them, not a space, so :contains does not match.
require ["body", "fileinto"];

# Save messages mentioning the project schedule in the
# project/schedule folder.
if body :text :contains "project schedule" {
        fileinto "project/schedule";
}
