# RFC 5228 §5.7: "not header :matches "Cc" "?*"" is true when Cc is absent
# or holds only whitespace. Here Cc is blank.
require "fileinto";
if not header :matches "Cc" "?*" {
   fileinto "no Cc";
}
