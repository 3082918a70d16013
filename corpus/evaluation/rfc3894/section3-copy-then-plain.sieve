# RFC 3894 §3 with RFC 5228 §2.10.3 (no example in either RFC): the same
# mailbox twice is one delivery, and the fileinto without :copy cancels the
# implicit keep.
require ["copy", "fileinto"];
fileinto :copy "Archive";
fileinto "Archive";
