require ["fileinto","reject","vacation"];

## Flag: |UniqueId:0|Rulename: Move boss mail
if address :all :comparator "i;ascii-casemap" :is "from" "boss@example.com" {
    fileinto "Boss";
}
## Flag: |UniqueId:1|Rulename: Reject big
if size :over 20M {
    reject "Too big.";
}
## Flag: vacation|UniqueId:2|Rulename: Vacation Notice
if true {
    vacation :days 7 :addresses ["me@example.com"] :subject "Away" "I am away.";
}
