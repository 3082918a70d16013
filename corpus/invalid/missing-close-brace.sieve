require "fileinto";
if header :contains "list-id" "announce.example.org" {
    fileinto "Lists/Announce";
