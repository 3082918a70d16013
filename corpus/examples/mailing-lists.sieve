# Mailing lists into folders: one folder per list, recognised by List-Id
# (or, for lists that do not send one, by the address they come from).
require "fileinto";

if header :contains "List-Id" "<dev.lists.example.org>" {
    fileinto "Lists/dev";
} elsif header :contains "List-Id" "<announce.lists.example.org>" {
    fileinto "Lists/announce";
} elsif header :matches "List-Id" "*<*.lists.example.net>" {
    fileinto "Lists/example-net";
} elsif address :domain :is "from" "notifications.example.com" {
    fileinto "Lists/notifications";
}
