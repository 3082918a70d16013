### Nextcloud Mail: Filters ### DON'T EDIT ###
require ["fileinto"];
### Nextcloud Mail: Filters ### DON'T EDIT ###

require "reject";

if allof(
    address "From" "noreply@help.nextcloud.org",
    header :contains "Subject" "[Nextcloud community]"
){
  fileinto "Community";
}

### Nextcloud Mail: Filters ### DON'T EDIT ###
# FILTER: [{"name":"Reject","enable":true}]
# Reject
if address :is :all "From" ["annoying@example.com"] {
	reject "No.";
}
### Nextcloud Mail: Filters ### DON'T EDIT ###
