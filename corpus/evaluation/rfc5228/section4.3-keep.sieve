# RFC 5228 §4.3: message A is under 1M: an explicit keep.
if size :under 1M { keep; } else { discard; }
