# RFC 5229 §5: the string test; "the above test always succeeds".
require ["variables", "fileinto"];
set "state" "${state} pending";
if string :matches " ${state} " "* pending *" {
    # the above test always succeeds
    fileinto "pending";
}
