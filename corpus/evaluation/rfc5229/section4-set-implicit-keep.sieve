# RFC 5229 §4: "set" does not affect the implicit keep.
require "variables";
set "honorific" "Mr";
