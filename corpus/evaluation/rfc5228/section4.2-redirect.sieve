# RFC 5228 §4.2: redirecting all mail.
redirect "bart@example.com";
