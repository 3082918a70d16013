redirect "boss at example.com";
