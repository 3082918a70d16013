# The domain part is :domain, not :host.
if address :host "from" "example.com" {
    keep;
}
