require ["date", "relational", "fileinto"];

if currentdate :value "ge" "date" "2030-01-01" {
    fileinto "Future";
}
