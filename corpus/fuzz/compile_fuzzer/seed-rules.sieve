require ["fileinto", "envelope"];
if header :contains "subject" "money" { fileinto "Junk"; stop; }
if address :domain :is "from" "example.com" { fileinto "Work"; }
if anyof (size :over 1K, not exists "x-foo") { redirect "boss@example.org"; }
if envelope :localpart :is "to" "me" { keep; }
