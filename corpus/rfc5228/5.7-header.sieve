# The header tests of section 5.7, each wrapped in an if command; against
# a message with "X-Caffeine: C8H10N4O2" the first is false, the second
# true.
if header :is ["X-Caffeine"] [""] { discard; }
if header :contains ["X-Caffeine"] [""] { discard; }
if not header :matches "Cc" "?*" { discard; }
