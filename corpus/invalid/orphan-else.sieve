require "fileinto";
if header :contains "subject" "[SPAM]" {
    fileinto "Junk";
}
keep;
else {
    discard;
}
