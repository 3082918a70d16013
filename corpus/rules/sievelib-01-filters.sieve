require ["fileinto"];

# Filter: rule1
# Description: sender filter
if anyof (header :is "Sender" "toto@toto.com") {
    fileinto "Toto";
}
# Filter: rule2
if anyof (header :contains "Subject" "Foo", header :contains "Subject" "Bar") {
    fileinto "Foobar";
}
