# The comment after the address is never closed.
redirect "boss@example.com (my boss";
