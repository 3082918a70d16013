# RFC 5429 §2.4: "It is NOT RECOMMENDED that implementations permit the use of
# "reject" with actions that cause mail delivery". sievekit does not permit
# it: a runtime error, so no action is taken and the implicit keep is.
require ["reject"];
reject "go away";
keep;
