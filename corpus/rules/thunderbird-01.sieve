require ["fileinto", "reject"];

# Messages from the boss
if address :is "from" "boss@example.com"
{
  fileinto "Boss";
}
else
{
  keep;
}
