# RFC 5232 §4: with the internal variable set to "A B", both tests are
# true. fileinto without :flags stores the internal variable's flags (§5).
require ["imap4flags", "fileinto"];
setflag "A B";
if hasflag :is "b A" {
    fileinto "hasflag :is 'b A': yes";
}
if hasflag ["b","A"] {
    fileinto "hasflag ['b','A']: yes";
}
