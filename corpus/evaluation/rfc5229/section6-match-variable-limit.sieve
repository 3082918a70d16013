# RFC 5229 §6: references to match variables beyond those the
# implementation supports MUST be a syntax error. sievekit keeps ${0} to
# ${32} (vm/string_template.h, kMaxMatchVariableIndex), so ${33} is one.
require ["variables", "fileinto"];
if header :matches "Subject" "*" {
    fileinto "${33}";
}
