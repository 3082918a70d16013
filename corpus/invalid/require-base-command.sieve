require ["fileinto", "redirect"];
redirect "boss@example.com";
