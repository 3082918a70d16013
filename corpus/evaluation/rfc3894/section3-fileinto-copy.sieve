# RFC 3894 §3: fileinto :copy files a copy and does not cancel the
# implicit keep.
require ["copy", "fileinto"];
fileinto :copy "incoming";

# ... more processing follows ...
