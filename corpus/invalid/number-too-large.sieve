# Numbers above 2^64-1 do not fit.
if size :over 99999999999999999999 {
    discard;
}
