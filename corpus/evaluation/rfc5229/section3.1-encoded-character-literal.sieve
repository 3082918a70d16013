# RFC 5229 §3.1: encoded characters are decoded before variables are
# expanded: the key is "dear ${Name}", that is "dear Ethelbert". Here the subject holds the
# unexpanded text "dear ${Name}", which does not contain the key.
# (The RFC's example lacks the semicolon after the set command; added.)
require ["encoded-character", "variables", "fileinto"];
set "name" "Ethelbert";
if header :contains "Subject" "dear${hex:20 24 7b 4e}ame}" {
    # the test string is "dear Ethelbert"
    fileinto "dear Ethelbert";
}
