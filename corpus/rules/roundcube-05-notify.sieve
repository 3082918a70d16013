require ["enotify","fileinto"];
# rule:[Boss alert]
if address :is "from" "boss@example.com"
{
	notify :message "Mail from the boss" "mailto:john.blumonday@t-mobile.com";
	fileinto "Boss";
}
