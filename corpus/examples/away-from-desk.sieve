# Away from my desk: while I am out, mail sent from inside the company to me
# directly goes to a colleague too (the envelope recipient is what the MTA
# delivered to me, so list traffic and Bcc copies do not count). Everything
# still lands in my inbox.
require "envelope";

if allof (envelope :domain :is "from" "example.com",
          envelope :localpart :is "to" "me",
          not header :contains "Precedence" ["bulk", "list", "junk"],
          not exists "List-Id") {
    redirect "Colleague <colleague@example.com>";
}
keep;
