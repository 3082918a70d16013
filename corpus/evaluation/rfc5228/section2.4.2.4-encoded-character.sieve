# RFC 5228 §2.4.2.4: the test string is "$$$", so message A is kept.
require "encoded-character";
if header :contains "Subject" "$${hex:24 24}" {
   discard;
}
