# The closing quote of the folder name is missing, so the string runs
# to the end of the file.
require "fileinto";
if header :contains "subject" "newsletter" {
    fileinto "News;
}
