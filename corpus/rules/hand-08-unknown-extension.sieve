require ["fileinto", "vnd.dovecot.pipe"];

if header :contains "subject" "build" {
    pipe "ci-hook";
}
if header :contains "subject" "x" {
    fileinto "X";
}
