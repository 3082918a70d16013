# RFC 5229 §4: variable names are case-insensitive (${HONORIFIC} is
# "honorific"); a multi-line string (this script has CRLF line endings) ends
# with its last CRLF. The value is shown as a mailbox name.
require ["variables", "fileinto"];
set "honorific"  "Mr";
set "first_name" "Wile";
set "last_name"  "Coyote";
set "vacation" text:
Dear ${HONORIFIC} ${last_name},
I'm out, please leave a message after the meep.
.
;
fileinto "${vacation}";
