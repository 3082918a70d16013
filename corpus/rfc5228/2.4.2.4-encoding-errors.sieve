# The two encodings section 2.4.2.4 lists as errors.
require "encoded-character";
if header :is "X-Test" "${unicode:200000}" { keep; }
if header :is "X-Test" "${Unicode:DF01}" { keep; }
