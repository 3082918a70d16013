# RFC 5429 §2.1: other mail is kept (message A).
require ["ereject"];

if address "from" "someone@example.com" {
    ereject "I no longer accept mail from this address";
}
