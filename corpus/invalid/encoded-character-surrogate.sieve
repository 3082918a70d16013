require "encoded-character";
if header :contains "subject" "${unicode:D83D}" {
    discard;
}
