# RFC 5228 §2.7.3: i;octet is case-sensitive: "You can Make Money Fast" is kept.
if header :contains :comparator "i;octet" "Subject"
      "MAKE MONEY FAST" {
   discard;
}
