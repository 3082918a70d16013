require ["fileinto"];

# rule:[Off for now] id=r1 disabled
if false # allof (address :contains "from" "example.com", size :over 100K)
{
    fileinto "Later";
}

# rule:[Hand-written, off] id=r2 disabled
if false {
if exists "x-priority" { keep; }
}
