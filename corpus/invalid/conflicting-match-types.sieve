if header :is :matches "subject" "*sale*" {
    discard;
}
