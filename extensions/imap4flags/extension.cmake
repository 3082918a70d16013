# imap4flags (RFC 5232).
sievekit_extension(REGISTER RegisterImap4flags SOURCES flag_set.cc hasflag.cc imap4flags.cc)
