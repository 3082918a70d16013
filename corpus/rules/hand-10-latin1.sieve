require "fileinto";
# a comment in Latin-1: café
if header :contains "subject" "x" {
    fileinto "X";
}
