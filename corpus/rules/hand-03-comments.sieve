/* A hand-written script with comments everywhere. */
require ["fileinto"]; # what we need

# Spam first.
if header :is "X-Spam-Flag" "YES" { # SpamAssassin's flag
    fileinto "Junk"; /* the junk folder */
    stop;
} # end of spam

/* Big mail */ if size :over 10M { discard; }

# trailing comment
