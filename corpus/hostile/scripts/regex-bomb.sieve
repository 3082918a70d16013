# Classic catastrophic-backtracking patterns: RE2 runs them in linear time.
require "regex";
if header :regex "subject" "^(x+x+)+y$" { discard; }
if header :regex "subject" "^(x|xx)*(x|xx)*(x|xx)*y" { discard; }
if header :regex "subject" "(.*a){20}" { discard; }
