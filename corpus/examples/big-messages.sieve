# Big messages: anything over 10 MB goes to a folder I clean out monthly,
# newsletters over 1 MB are archived unread, and empty-subject mail with an
# unusual size is dropped.
require "fileinto";

if size :over 10M {
    fileinto "Large";
    stop;
}

if allof (size :over 1M, exists "List-Unsubscribe") {
    fileinto "Archive/Newsletters";
    stop;
}

if allof (not header :matches "Subject" "?*", size :under 200) {
    discard;
}
