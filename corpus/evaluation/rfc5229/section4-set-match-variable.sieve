# RFC 5229 §4: match variables cannot be set; the name must be a constant
# string with the syntax of variable-name.
require "variables";
set "1" "one";
