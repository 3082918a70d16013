if header :is "x-priority" 1 {
    keep;
}
