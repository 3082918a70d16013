# fileinto (RFC 5228 §4.1).
sievekit_extension(REGISTER RegisterFileinto SOURCES fileinto.cc)
