### Nextcloud Mail: Filters ### DON'T EDIT ###
require ["fileinto"];
### Nextcloud Mail: Filters ### DON'T EDIT ###
### Nextcloud Mail: Filters ### DON'T EDIT ###
# FILTER: [{"name":"Marketing","enable":true,"operator":"allof","tests":[{"operator":"is","values":["marketing@mail.internal"],"field":"from"}],"actions":[{"type":"fileinto","mailbox":"Marketing"}],"priority":10}]
# Marketing
if address :is :all "From" ["marketing@mail.internal"] {
	fileinto "Marketing";
}
### Nextcloud Mail: Filters ### DON'T EDIT ###
