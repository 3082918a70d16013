# The RFC 5228 base language (and the two comparators every script has).
sievekit_extension(REGISTER RegisterCore
  SOURCES core.cc core_actions.cc core_tests.cc header_names.cc outgoing_address.cc
          string_checks.cc)
