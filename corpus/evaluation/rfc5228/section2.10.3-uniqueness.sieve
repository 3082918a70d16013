# RFC 5228 §2.10.3 (no example in the RFC): filing into the same mailbox
# twice delivers once and is not an error; a second keep is the same keep.
require "fileinto";
fileinto "Archive";
fileinto "Archive";
keep;
keep;
