require ["body", "fileinto"];

# Filter: body
if anyof (body :contains :text "unsubscribe") {
    fileinto "Newsletters";
}
# Filter: size
if anyof (size :over 1M) {
    discard;
}
