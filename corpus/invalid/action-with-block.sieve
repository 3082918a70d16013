require "fileinto";
fileinto "Junk" {
    stop;
}
