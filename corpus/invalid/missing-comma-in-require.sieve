require ["fileinto" "envelope"];
keep;
