# ihave (RFC 5463).
sievekit_extension(REGISTER RegisterIhave SOURCES ihave.cc)
