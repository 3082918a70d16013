# broken.sieve: a filter with three mistakes, to show sievec's diagnostics.
#   1. "hedaer" is a typo for "header".
#   2. The semicolon after the redirect is missing.
#   3. "fileinto" is used without 'require "fileinto";'.
if hedaer :contains "subject" "[SPAM]" {
    discard;
}

if address :is "from" "boss@example.com" {
    redirect "me@mobile.example.net"
    keep;
}

if header :contains "list-id" "dev.lists.example.org" {
    fileinto "Lists/dev";
}
