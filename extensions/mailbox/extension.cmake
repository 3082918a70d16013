# mailbox (RFC 5490 §3): fileinto :create and the mailboxexists test.
sievekit_extension(REGISTER RegisterMailbox SOURCES mailbox.cc)
