# envelope (RFC 5228 §5.4).
sievekit_extension(REGISTER RegisterEnvelope SOURCES envelope.cc)
