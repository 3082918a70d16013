redirect ["alice@example.com", "bob@example.com"];
