# RFC 5228 §4.1: message B is not from the coyote: kept.
require "fileinto";
if header :contains ["from"] "coyote" {
   fileinto "INBOX.harassment";
}
