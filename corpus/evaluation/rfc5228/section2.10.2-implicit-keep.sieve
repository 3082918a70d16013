# RFC 5228 §2.10.2: with any of the short messages, no actions: the implicit keep is taken.
if size :over 500K { discard; }
