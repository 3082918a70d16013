# RFC 5229 §3.2 (no example in the RFC): ${0} is the whole matched value;
# an index beyond the wildcards is empty; leading zeros are ignored; a failed
# match leaves the variables of the last successful one; tests are
# short-circuited, so the anyof does not run its second test.
require ["variables", "fileinto"];
if header :matches "Subject" "I * a * for *" {
    fileinto "0=[${0}] 1=[${1}] 2=[${2}] 3=[${3}] 4=[${4}] 01=[${01}] 0002=[${0002}]";
}
if header :matches "Subject" "nothing like it*" {
    fileinto "not reached";
}
fileinto "after a failed match: 1=[${1}]";
if anyof (true, header :matches "From" "*") {
    fileinto "after anyof: 1=[${1}]";
}
