# A repetition count past RE_DUP_MAX (255): refused at compile time.
require "regex";
if header :regex "subject" "x{1000}" { discard; }
