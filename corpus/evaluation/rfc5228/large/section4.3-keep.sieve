# RFC 5228 §4.3: a message over 1 MiB is discarded.
if size :under 1M { keep; } else { discard; }
