# The three allof examples of section 5.2, each wrapped in an if command;
# the comments give the value the RFC states.
if allof (false, false) { discard; }  # false
if allof (false, true) { discard; }   # false
if allof (true,  true) { discard; }   # true
