# reject and ereject (RFC 5429).
sievekit_extension(REGISTER RegisterReject SOURCES reject.cc)
