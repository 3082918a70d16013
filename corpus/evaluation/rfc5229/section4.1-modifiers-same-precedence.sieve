# RFC 5229 §4.1: "It is an error to use two or more modifiers of the same
# precedence in a single "set" action."
require "variables";
set :lower :upper "b" "juMBlEd lETteRS";
