redirect "bart@example.com";
