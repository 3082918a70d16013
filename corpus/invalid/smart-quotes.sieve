# Quotes pasted from a word processor are not Sieve quotes.
require "fileinto";
fileinto “Junk”;
