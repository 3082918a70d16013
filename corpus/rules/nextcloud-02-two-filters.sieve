### Nextcloud Mail: Filters ### DON'T EDIT ###
require ["fileinto", "imap4flags"];
### Nextcloud Mail: Filters ### DON'T EDIT ###
# Hello, this is a test
### Nextcloud Mail: Filters ### DON'T EDIT ###
# FILTER: [{"name":"Test 3.1","enable":true}]
# Test 3.1
if anyof (header :contains "Subject" ["Project-A", "Project-B"], address :is :all "From" ["john@example.org"]) {
	fileinto "Test Data";
	stop;
}
# Test 3.2
if address :contains :all "To" ["@example.org"] {
	addflag "$test_a";
}
### Nextcloud Mail: Filters ### DON'T EDIT ###
