# spamtest, spamtestplus and virustest (RFC 5235); header sources are host
# configuration (spam_config.h). Header regexes use the regex extension's
# CompiledRegex (POSIX ERE on RE2).
sievekit_extension(REGISTER RegisterSpamtest SOURCES spam_config.cc spamtest.cc)
