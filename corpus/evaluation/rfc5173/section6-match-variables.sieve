# RFC 5173 §6: wildcards of body tests MUST NOT set match variables; but
# variables in keys and content types are expanded.
require ["body", "fileinto", "variables"];
set "type" "text";
set "word" "birdseed";
if header :matches "Subject" "bird*" {
    fileinto "header :matches: 1=[${1}]";
}
if body :content "${type}" :matches "Fresh * at *" {
    fileinto "after body :matches: 1=[${1}] 2=[${2}]";
}
if body :content "${type}" :contains "${word}" {
    fileinto "variables in body keys";
}
