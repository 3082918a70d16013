# vacation (RFC 5230) and vacation-seconds (RFC 6131). The action record's
# layout and the :mime entity check are shared with the vacation helper in
# delivery/.
sievekit_extension(REGISTER RegisterVacation SOURCES vacation.cc
  PRIVATE_DEPS sievekit::delivery)
