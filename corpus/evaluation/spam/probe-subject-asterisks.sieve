# The guide's condition "Where the Subject contains specific words" used as
# it suggests for spam: the server writes the spam score into the Subject
# as asterisks, and the rule asks for five of them. Under :contains the
# asterisk is an ordinary character (only :matches makes it a wildcard).
require "fileinto";

if header :contains "subject" "*****" {
    fileinto "Spam";
}
