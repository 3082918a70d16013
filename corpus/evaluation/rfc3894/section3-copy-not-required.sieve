# RFC 3894 §2 and RFC 5228 §2.10.5: :copy is not available without
# require "copy".
require "fileinto";
fileinto :copy "incoming";
