# RFC 5228 §3.2: one require with a list of capabilities. It takes no
# action: the implicit keep is taken.
require ["fileinto", "reject"];
