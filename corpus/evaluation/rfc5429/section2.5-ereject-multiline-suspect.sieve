# RFC 5429 §2.5, adapted: a score of 4 is filed into
# "Suspect".
# The RFC's example uses "spamtest" (RFC 5235), which sievekit does not
# implement; here the same rule reads a spam score header with the
# relational :value match. This script has CRLF line endings.
require ["ereject", "fileinto", "relational",
         "comparator-i;ascii-numeric"];

if header :value "ge"
          :comparator "i;ascii-numeric" "X-Spam-Score" "6" {
    ereject text:
AntiSpam engine thinks your message is spam.
It is therefore being refused.
Please call 1-900-PAY-US if you want to reach us.
.
    ;
} elsif header :value "ge"
                 :comparator "i;ascii-numeric" "X-Spam-Score" "4" {
    fileinto "Suspect";
}
