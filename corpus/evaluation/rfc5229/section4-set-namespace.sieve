# RFC 5229 §4: a namespace cannot be used in "set" unless an extension
# allows it; an invalid name MUST be detected as a syntax error.
require "variables";
set "env.user" "coyote";
