# The ';' after the require is missing, so the next command reads as
# its argument.
require "fileinto"
fileinto "Archive";
