# An extension this server does not offer.
require "vnd.example.autoreply";
autoreply "I am away until Monday.";
