# RFC 5228 §4.3: the same as "if size :under 1M { keep; } else { discard; }":
# message A is kept (by the implicit keep).
if not size :under 1M { discard; }
