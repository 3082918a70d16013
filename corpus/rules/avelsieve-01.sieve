require ["fileinto"];
#START_SIEVE_RULE:YToyOntzOjQ6ImNvbmQiO2E6MDp7fXM6NjoiYWN0aW9uIjtzOjE6IjUiO30=END_SIEVE_RULE
if header :contains "Subject" "test" {
	fileinto "INBOX.test";
}
