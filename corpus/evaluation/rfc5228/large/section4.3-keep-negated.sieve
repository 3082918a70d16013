# RFC 5228 §4.3: the same as "if size :under 1M { keep; } else { discard; }":
# a message over 1 MiB is discarded.
if not size :under 1M { discard; }
