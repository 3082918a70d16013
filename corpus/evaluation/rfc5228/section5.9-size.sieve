# RFC 5228 §5.9: a message of exactly 4,000 octets is neither :over nor
# :under 4000. 4K is 4096 (§2.4.1).
require "fileinto";
if size :over 4000 { fileinto "size :over 4000 => true"; } else { fileinto "size :over 4000 => false"; }
if size :under 4000 { fileinto "size :under 4000 => true"; } else { fileinto "size :under 4000 => false"; }
if size :over 3999 { fileinto "size :over 3999 => true"; } else { fileinto "size :over 3999 => false"; }
if size :under 4001 { fileinto "size :under 4001 => true"; } else { fileinto "size :under 4001 => false"; }
if size :under 4K { fileinto "size :under 4K => true"; } else { fileinto "size :under 4K => false"; }
