# RFC 5173 §5.3: the phrase is split by a quoted-printable soft
# line break in a ISO-8859-1 part; :text decodes it.
require ["body", "fileinto"];

# Save messages mentioning the project schedule in the
# project/schedule folder.
if body :text :contains "project schedule" {
        fileinto "project/schedule";
}
