require ["imap4flags"];
# rule:[Flag boss]
if address :is "from" "boss@example.com"
{
	addflag "\\Flagged";
}
# rule:[discard newsletters]
if header :contains "list-unsubscribe" ""
{
	discard;
	stop;
}
