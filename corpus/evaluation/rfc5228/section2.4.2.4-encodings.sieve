# RFC 5228 §2.4.2.4: the table of valid and invalid encodings. Each string
# is filed into a mailbox whose name starts with the row number, so the
# action list shows what every row decodes to.
require ["encoded-character", "fileinto"];
fileinto "1 $${hex:40}";
fileinto "2 ${hex: 40 }";
fileinto "3 ${HEX: 40}";
fileinto "4 ${hex:40";
fileinto "5 ${hex:400}";
fileinto "6 ${hex:4${hex:30}}";
fileinto "7 ${unicode:40}";
fileinto "8 ${ unicode:40}";
fileinto "9 ${UNICODE:40}";
fileinto "10 ${UnICoDE:0000040}";
fileinto "11 ${Unicode:40}";
fileinto "12 ${Unicode:Cool}";
