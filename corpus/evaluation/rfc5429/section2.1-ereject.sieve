# RFC 5429 §2.1: mail from someone@example.com is refused; ereject
# cancels the implicit keep.
require ["ereject"];

if address "from" "someone@example.com" {
    ereject "I no longer accept mail from this address";
}
