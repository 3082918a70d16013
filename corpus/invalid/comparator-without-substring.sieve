# i;ascii-numeric compares numbers; it cannot look for substrings
# (RFC 5228 section 2.7.1).
require "comparator-i;ascii-numeric";
if header :contains :comparator "i;ascii-numeric" "X-Priority" "1" {
    keep;
}
