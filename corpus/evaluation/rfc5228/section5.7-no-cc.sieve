# RFC 5228 §5.7: "not header :matches "Cc" "?*"" is true when Cc is absent
# or holds only whitespace. Message A has no Cc.
require "fileinto";
if not header :matches "Cc" "?*" {
   fileinto "no Cc";
}
