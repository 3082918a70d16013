require "fileinto";
/* Rules disabled while I am on holiday.
if header :contains "from" "boss@example.com" {
    fileinto "Boss";
}
