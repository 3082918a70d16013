# Comparators other than i;octet and i;ascii-casemap must be required.
if header :is :comparator "i;ascii-numeric" "X-Priority" "1" {
    keep;
}
