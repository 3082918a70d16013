require ["encoded-character", "fileinto"];

if header :contains "subject" "${hex:24 24}" {
    fileinto "Dollars";
}
