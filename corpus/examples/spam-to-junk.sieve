# Spam to Junk: trust the spam filter's verdict, file spam into "Junk" and
# stop, so that no later rule files it anywhere else. Mail from people I
# know is never treated as spam, whatever the filter says.
require "fileinto";

if address :is "from" ["alice@example.com", "bob@example.org"] {
    keep;
    stop;
}

if anyof (header :is "X-Spam-Flag" "YES",
          header :contains "X-Spam-Status" "Yes,",
          header :matches "Subject" ["*[SPAM]*", "*[Spam]*"]) {
    fileinto "Junk";
    stop;
}
