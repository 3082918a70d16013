# RFC 5228 §2.4.2.4: "${Unicode:DF01}" -> error (a surrogate code point).
require ["encoded-character", "fileinto"];
fileinto "${Unicode:DF01}";
