require ["fileinto"];
# rule:[Spam]
if header :contains "subject" "[SPAM]"
{
	fileinto "Junk";
	stop;
}
# rule:[Mailing lists]
if anyof (header :contains "list-id" "dev.example.org", address :is "from" "list@example.org")
{
	fileinto "Lists/dev";
}
