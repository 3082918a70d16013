# rule:[First] id=r1
if header :contains "subject" "a" {
    discard;
}

# rule:[Second, same id] id=r1
if header :contains "subject" "b" {
    discard;
}

if header :contains "subject" "c" {
    discard;
}

if header :contains "subject" "c" {
    discard;
}
