# The three anyof examples of section 5.3, each wrapped in an if command;
# the comments give the value the RFC states.
if anyof (false, false) { discard; }  # false
if anyof (false, true) { discard; }   # true
if anyof (true,  true) { discard; }   # true
