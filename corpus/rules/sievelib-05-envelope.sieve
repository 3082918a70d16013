require ["envelope", "fileinto"];

# Filter: envelope
if anyof (envelope :is "From" ["a@example.com", "b@example.com"]) {
    fileinto "AB";
}
