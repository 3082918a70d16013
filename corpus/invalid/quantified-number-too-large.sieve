# 20 billion gibibytes overflows.
if size :over 20000000000G {
    discard;
}
