require "reject";

if size :over 50M {
    reject text:
Message too large.
.. dot stuffed line
.
;
}
