# Filters for me@example.com
# Do not edit by hand

require ["fileinto","envelope","regex"];
# rule:[Envelope]
if envelope :is "to" "alias@example.com"
{
	fileinto "Alias";
}
# rule:[Regex]
if header :regex "subject" "^\\[ticket #[0-9]+\\]"
{
	fileinto "Tickets";
}
