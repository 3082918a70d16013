# regex (draft-murchison-sieve-regex-07): :regex with RE2, POSIX ERE syntax.
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
sievekit_extension(REGISTER RegisterRegex
  SOURCES compiled_regex.cc ere_translator.cc regex.cc regex_match_type.cc
  PRIVATE_DEPS PkgConfig::RE2)
