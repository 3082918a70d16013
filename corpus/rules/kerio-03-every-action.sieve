require ["fileinto", "notify", "reject", "vacation"];

# rule:[Move] id=a1
if address :is "from" "a@example.com" {
    fileinto "~bob/Shared";
    fileinto "#public/News";
}

# rule:[Forward] id=a2
if address :is "from" "b@example.com" {
    redirect "assistant@example.com";
    keep;
}

# rule:[Reject] id=a3
if address :is "from" "c@example.com" {
    reject text:
We do not accept mail from you.
.. really.
.
;
}

# rule:[Discard] id=a4
if address :is "from" "d@example.com" {
    discard;
    stop;
}

# rule:[Notify] id=a5
if address :is "from" "e@example.com" {
    notify :method "mailto" :options "john.blumonday@t-mobile.com" :message "$from$ ($from-name$): $subject$ $text[50]$";
}

# rule:[Autoreply] id=a6
if address :is "from" "f@example.com" {
    vacation :days 7 "Thanks, I will answer soon.";
}
