# Reads everything a hostile message could damage: header values (raw and
# decoded), addresses, body text, MIME structure (body :content). Each test
# that sees something files into a folder of its name, so the result shows
# what the message looked like to the script.
require ["fileinto", "body", "variables", "relational", "regex"];
if header :contains "subject" "marker" { fileinto "subject"; }
if header :regex "subject" "^.*marker.*$" { fileinto "subject-regex"; }
if address :domain :is "from" "example.com" { fileinto "from-domain"; }
if address :all :contains ["to", "cc"] "@" { fileinto "recipient"; }
if exists "x-last" { fileinto "x-last"; }
if header :count "ge" "received" "100" { fileinto "many-received"; }
if body :text :contains "marker" { fileinto "body"; }
if body :content "text/plain" :contains "marker" { fileinto "text-part"; }
if body :content "multipart" :contains "" { fileinto "multipart"; }
if header :matches "subject" "*" { set "s" "${1}"; }
if string :count "ge" "${s}" "1" { fileinto "subject-set"; }
