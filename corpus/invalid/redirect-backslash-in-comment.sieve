# A stray backslash ends an address comment that is never closed.
redirect "boss.(work\\";
