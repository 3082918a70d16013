# comparator-i;ascii-numeric (RFC 4790 §9.1).
sievekit_extension(REGISTER RegisterComparatorAsciiNumeric SOURCES comparator_ascii_numeric.cc)
