# Saved in ISO-8859-1: the folder name is not valid UTF-8.
require "fileinto";
if header :contains "subject" "invoice" {
    fileinto "Rechnungen/Bäckerei";
}
