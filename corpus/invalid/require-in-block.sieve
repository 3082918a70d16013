if header :contains "subject" "[SPAM]" {
    require "fileinto";
    fileinto "Junk";
}
