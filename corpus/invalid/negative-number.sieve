# Sieve numbers are never negative.
if size :under -1 {
    keep;
}
