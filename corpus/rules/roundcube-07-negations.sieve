require ["fileinto"];
# rule:[Not from us]
if allof (not address :contains "from" "example.com", not header :matches "subject" "*newsletter*", size :over 100K)
{
	fileinto "Outside";
}
# rule:[Any of]
if anyof (address :is ["to","cc"] "team@example.com", header :is "subject" "Standup")
{
	fileinto "Team";
}
