# copy (RFC 3894): :copy on fileinto and redirect.
sievekit_extension(REGISTER RegisterCopy SOURCES copy.cc)
