# comparator-i;unicode-casemap (RFC 5051).
sievekit_extension(REGISTER RegisterComparatorUnicodeCasemap SOURCES comparator_unicode_casemap.cc)
