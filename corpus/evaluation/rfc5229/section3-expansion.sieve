# RFC 5229 §3: the expansion examples, with "company" set to "ACME". Each
# string is filed into a mailbox whose name starts with the row number.
require ["variables", "fileinto"];
set "company" "ACME";
fileinto "1 &%${}!";
fileinto "2 ${doh!}";
fileinto "3 [${full}]";
fileinto "4 ${company}";
fileinto "5 ${BAD${Company}";
fileinto "6 ${President, ${Company} Inc.}";
