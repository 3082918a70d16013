# Probe: addresses. Runs on every message of this folder (see README.md).
# For each address header present, one fileinto action:
#   NAME: N addresses (address :count, 0..9 or "10+"); then the first
#   address found by address :all :matches "*", the first local part found
#   by :localpart, the first domain found by :domain ("-" when none matches:
#   an address that is not syntactically valid has no local part or domain
#   for the address test, RFC 5228 §2.7.4).
require ["fileinto", "variables", "relational", "comparator-i;ascii-numeric"];

if exists "From" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "From" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "From" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "From" "*" { set "a" "${1}"; }
    if address :localpart :matches "From" "*" { set "l" "${1}"; }
    if address :domain :matches "From" "*" { set "d" "${1}"; }
    fileinto "From: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "Sender" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Sender" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "Sender" "*" { set "a" "${1}"; }
    if address :localpart :matches "Sender" "*" { set "l" "${1}"; }
    if address :domain :matches "Sender" "*" { set "d" "${1}"; }
    fileinto "Sender: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "Reply-To" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Reply-To" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "Reply-To" "*" { set "a" "${1}"; }
    if address :localpart :matches "Reply-To" "*" { set "l" "${1}"; }
    if address :domain :matches "Reply-To" "*" { set "d" "${1}"; }
    fileinto "Reply-To: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "To" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "To" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "To" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "To" "*" { set "a" "${1}"; }
    if address :localpart :matches "To" "*" { set "l" "${1}"; }
    if address :domain :matches "To" "*" { set "d" "${1}"; }
    fileinto "To: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "Cc" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Cc" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "Cc" "*" { set "a" "${1}"; }
    if address :localpart :matches "Cc" "*" { set "l" "${1}"; }
    if address :domain :matches "Cc" "*" { set "d" "${1}"; }
    fileinto "Cc: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "Bcc" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Bcc" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "Bcc" "*" { set "a" "${1}"; }
    if address :localpart :matches "Bcc" "*" { set "l" "${1}"; }
    if address :domain :matches "Bcc" "*" { set "d" "${1}"; }
    fileinto "Bcc: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "Resent-From" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-From" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "Resent-From" "*" { set "a" "${1}"; }
    if address :localpart :matches "Resent-From" "*" { set "l" "${1}"; }
    if address :domain :matches "Resent-From" "*" { set "d" "${1}"; }
    fileinto "Resent-From: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
if exists "Resent-To" {
    set "n" "10+";
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "0" { set "n" "0"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "1" { set "n" "1"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "2" { set "n" "2"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "3" { set "n" "3"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "4" { set "n" "4"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "5" { set "n" "5"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "6" { set "n" "6"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "7" { set "n" "7"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "8" { set "n" "8"; }
    if address :count "eq" :comparator "i;ascii-numeric" "Resent-To" "9" { set "n" "9"; }
    set "a" "-"; set "l" "-"; set "d" "-";
    if address :all :matches "Resent-To" "*" { set "a" "${1}"; }
    if address :localpart :matches "Resent-To" "*" { set "l" "${1}"; }
    if address :domain :matches "Resent-To" "*" { set "d" "${1}"; }
    fileinto "Resent-To: ${n} addresses; all=${a} localpart=${l} domain=${d}";
}
