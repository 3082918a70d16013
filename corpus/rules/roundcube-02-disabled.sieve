require ["fileinto","reject"];
# rule:[Old boss]
if false # address :is "from" "old-boss@example.com"
{
	fileinto "Archive/Boss";
}
# rule:[Big mail]
if false # allof (size :over 5M, not header :contains "from" "example.com")
{
	reject "Your message is too big.";
}
# rule:[Active]
if header :contains "subject" "invoice"
{
	fileinto "Invoices";
}
