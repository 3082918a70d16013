# subaddress (RFC 5233): the :user and :detail address parts.
sievekit_extension(REGISTER RegisterSubaddress SOURCES subaddress.cc)
