# RFC 5232 §3.1: a message over 500K: the implicit keep
# stores it with the internal variable's flag, \Deleted.
require "imap4flags";
if size :over 500K {
    setflag "\\Deleted";
}
