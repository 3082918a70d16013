# keep takes no folder; fileinto does.
keep "INBOX";
