# RFC 5229 §3.1: backslash quoting is resolved before variable
# substitution; and the "${dollar}" way to write "${beep}" verbatim.
require ["variables", "fileinto"];
set "foo" "FOO";
fileinto "1 ${fo\o}";
fileinto "2 ${fo\\o}";
fileinto "3 \${foo}";
fileinto "4 \\${foo}";
set "dollar" "$";
set "text" "regarding ${dollar}{beep}";
fileinto "5 ${text}";
