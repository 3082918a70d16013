# Comparator names start with "i;".
if header :comparator "ascii-casemap" :is "x-priority" "1" {
    keep;
}
