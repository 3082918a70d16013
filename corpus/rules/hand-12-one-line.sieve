require ["fileinto","reject"]; if size :over 1M { reject "big"; } if header :contains "subject" "a" { fileinto "A"; stop; }
