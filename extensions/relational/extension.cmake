# relational (RFC 5231): the :value and :count match types.
sievekit_extension(REGISTER RegisterRelational SOURCES relational.cc)
