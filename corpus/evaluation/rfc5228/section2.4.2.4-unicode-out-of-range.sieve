# RFC 5228 §2.4.2.4: "${unicode:200000}" -> error (beyond U+10FFFF).
require ["encoded-character", "fileinto"];
fileinto "${unicode:200000}";
