# RFC 5228 §3.3 (no example in the RFC): stop ends all processing; the
# actions taken before it stay.
require "fileinto";
fileinto "before";
stop;
fileinto "after";
