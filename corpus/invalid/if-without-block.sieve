if header :contains "subject" "[SPAM]" discard;
