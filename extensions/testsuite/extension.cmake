# vnd.dovecot.testsuite (test runs only): the commands of Pigeonhole's suite.
sievekit_extension(REGISTER RegisterTestsuite
  SOURCES testsuite.cc testsuite_host.cc
  PRIVATE_DEPS sievekit::delivery)
