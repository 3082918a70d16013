# encoded-character (RFC 5228 §2.4.2.4).
sievekit_extension(REGISTER RegisterEncodedCharacter SOURCES encoded_character.cc)
