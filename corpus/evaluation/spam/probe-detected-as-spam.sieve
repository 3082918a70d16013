# The guide's condition "Where the message was detected as a spam" (chapter
# 6): the spam filter's verdict, through spamtest (RFC 5235). Level 10 is
# "definitely spam": the score reached the filter's threshold.
require ["spamtest", "relational", "comparator-i;ascii-numeric", "fileinto"];

if spamtest :value "ge" :comparator "i;ascii-numeric" "10" {
    fileinto "Spam";
}
