# Probe: header fields. Runs on every message of this folder (see README.md).
# Prints, as fileinto actions (so the output is one line per finding):
#   exists:  which of the usual fields the exists test finds;
#   fields:  header :count of Subject, of Received, and of the six
#            originator and destination fields together;
#   names:   that a name with a colon, an invalid name or the empty name
#            matches nothing and is not an error (RFC 5228 §2.4.2.2);
#   size:    which range the size test puts the message in;
#   VALUE:   the decoded value of From, To, Cc, Subject and Content-Type as
#            header :matches "*" sees it (the first field of that name;
#            leading and trailing whitespace removed; values over 200
#            characters are shown by their length only);
#   envelope: what the envelope test sees of MAIL FROM and RCPT TO.
require ["fileinto", "variables", "envelope", "relational",
         "comparator-i;ascii-numeric"];

set "e" "";
if exists "From" { set "e" "${e} From"; }
if exists "Sender" { set "e" "${e} Sender"; }
if exists "Reply-To" { set "e" "${e} Reply-To"; }
if exists "To" { set "e" "${e} To"; }
if exists "Cc" { set "e" "${e} Cc"; }
if exists "Bcc" { set "e" "${e} Bcc"; }
if exists "Subject" { set "e" "${e} Subject"; }
if exists "Date" { set "e" "${e} Date"; }
if exists "Message-ID" { set "e" "${e} Message-ID"; }
if exists "Received" { set "e" "${e} Received"; }
if exists "Return-Path" { set "e" "${e} Return-Path"; }
if exists "MIME-Version" { set "e" "${e} MIME-Version"; }
if exists "Content-Type" { set "e" "${e} Content-Type"; }
if exists "Content-Transfer-Encoding" { set "e" "${e} Content-Transfer-Encoding"; }
fileinto "exists:${e}";

set "subject" "10+";
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "0" { set "subject" "0"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "1" { set "subject" "1"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "2" { set "subject" "2"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "3" { set "subject" "3"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "4" { set "subject" "4"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "5" { set "subject" "5"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "6" { set "subject" "6"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "7" { set "subject" "7"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "8" { set "subject" "8"; }
if header :count "eq" :comparator "i;ascii-numeric" "Subject" "9" { set "subject" "9"; }
set "received" "10+";
if header :count "eq" :comparator "i;ascii-numeric" "Received" "0" { set "received" "0"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "1" { set "received" "1"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "2" { set "received" "2"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "3" { set "received" "3"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "4" { set "received" "4"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "5" { set "received" "5"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "6" { set "received" "6"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "7" { set "received" "7"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "8" { set "received" "8"; }
if header :count "eq" :comparator "i;ascii-numeric" "Received" "9" { set "received" "9"; }
set "address" "10+";
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "0" { set "address" "0"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "1" { set "address" "1"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "2" { set "address" "2"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "3" { set "address" "3"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "4" { set "address" "4"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "5" { set "address" "5"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "6" { set "address" "6"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "7" { set "address" "7"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "8" { set "address" "8"; }
if header :count "eq" :comparator "i;ascii-numeric" ["From", "Sender", "Reply-To", "To", "Cc", "Bcc"] "9" { set "address" "9"; }
fileinto "fields: Subject=${subject} Received=${received} From/Sender/Reply-To/To/Cc/Bcc=${address}";

set "odd" "none";
if anyof (header :contains ["From:", "From ", "", "Bad Name", "X-\"q\""] "",
          exists "From:", exists "", exists "Bad Name") {
    set "odd" "SOME";
}
fileinto "names: invalid names matched ${odd}";

if size :under 1 { set "z" "0"; }
elsif size :under 100 { set "z" "1..99"; }
elsif size :under 200 { set "z" "100..199"; }
elsif size :under 300 { set "z" "200..299"; }
elsif size :under 400 { set "z" "300..399"; }
elsif size :under 500 { set "z" "400..499"; }
elsif size :under 1K { set "z" "500..1023"; }
elsif size :under 4K { set "z" "1K..4K-1"; }
elsif size :under 64K { set "z" "4K..64K-1"; }
else { set "z" "64K or more"; }
fileinto "size: ${z}";

if header :matches "From" "*" {
    set :length "n" "${1}";
    if string :value "gt" :comparator "i;ascii-numeric" "${n}" "200" {
        fileinto "From: (${n} characters)";
    } else {
        fileinto "From: ${1}";
    }
}
if header :matches "To" "*" {
    set :length "n" "${1}";
    if string :value "gt" :comparator "i;ascii-numeric" "${n}" "200" {
        fileinto "To: (${n} characters)";
    } else {
        fileinto "To: ${1}";
    }
}
if header :matches "Cc" "*" {
    set :length "n" "${1}";
    if string :value "gt" :comparator "i;ascii-numeric" "${n}" "200" {
        fileinto "Cc: (${n} characters)";
    } else {
        fileinto "Cc: ${1}";
    }
}
if header :matches "Subject" "*" {
    set :length "n" "${1}";
    if string :value "gt" :comparator "i;ascii-numeric" "${n}" "200" {
        fileinto "Subject: (${n} characters)";
    } else {
        fileinto "Subject: ${1}";
    }
}
if header :matches "Content-Type" "*" {
    set :length "n" "${1}";
    if string :value "gt" :comparator "i;ascii-numeric" "${n}" "200" {
        fileinto "Content-Type: (${n} characters)";
    } else {
        fileinto "Content-Type: ${1}";
    }
}

set "a" "-"; set "l" "-"; set "d" "-";
if envelope :all :matches "from" "*" { set "a" "${1}"; }
if envelope :localpart :matches "from" "*" { set "l" "${1}"; }
if envelope :domain :matches "from" "*" { set "d" "${1}"; }
fileinto "envelope from: all=${a} localpart=${l} domain=${d}";
set "a" "-"; set "l" "-"; set "d" "-";
if envelope :all :matches "to" "*" { set "a" "${1}"; }
if envelope :localpart :matches "to" "*" { set "l" "${1}"; }
if envelope :domain :matches "to" "*" { set "d" "${1}"; }
fileinto "envelope to: all=${a} localpart=${l} domain=${d}";
