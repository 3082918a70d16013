# RFC 5232 §3.1: a small message gets no flags.
require "imap4flags";
if size :over 500K {
    setflag "\\Deleted";
}
