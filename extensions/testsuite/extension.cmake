# vnd.dovecot.testsuite (test runs only): the commands of Pigeonhole's suite.
sievekit_extension(REGISTER RegisterTestsuite
  SOURCES testsuite.cc testsuite_host.cc extension_settings.cc vacation_settings.cc
  PRIVATE_DEPS sievekit::delivery)
