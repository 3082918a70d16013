require ["fileinto"];

## Flag: spam|UniqueId:5|Rulename: Spam
if header :contains "X-Spam-Flag" "YES" {
    fileinto "Spam";
    stop;
}
