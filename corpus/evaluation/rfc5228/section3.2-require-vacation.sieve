# RFC 5228 §3.2: two requires. sievekit does not implement "vacation", so
# the script must not run (RFC 5228 §2.10.5): a compile error.
require "fileinto";
require "vacation";
