# variables (RFC 5229): set, string, "${...}" checks, set modifiers.
sievekit_extension(REGISTER RegisterVariables SOURCES variables.cc set_modifier.cc)
