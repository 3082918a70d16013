# RFC 5228 §3.2: two requires. Both extensions exist (vacation is RFC 5230),
# and the script takes no action: the implicit keep is taken.
require "fileinto";
require "vacation";
