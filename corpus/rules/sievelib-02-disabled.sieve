require ["fileinto"];

# Filter: enabled
if anyof (header :contains "Subject" "A") {
    fileinto "A";
}
# Filter: disabled
if false {
    if anyof (header :contains "Subject" "B") {
        fileinto "B";
    }
}
