require ["vacation"];
# rule:[Holidays]
if true
{
	vacation :days 7 :subject "On holidays" :addresses ["me@example.com"] "I am on holidays until Monday.";
}
