# RFC 5228 §2.10.2: a 1 MiB message is discarded, which cancels the implicit keep.
if size :over 500K { discard; }
