if size :over 500K { discard; }
