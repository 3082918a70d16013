# RFC 5232 §3.2: these four ways of adding \Deleted and \Answered give the
# same result (a set: the order of flags is not significant, §3).
require ["imap4flags", "fileinto", "variables"];
addflag "flagvar1" "\\Deleted";
addflag "flagvar1" "\\Answered";
addflag "flagvar2" ["\\Deleted", "\\Answered"];
addflag "flagvar3" "\\Deleted \\Answered";
addflag "flagvar4" "\\Answered \\Deleted";
fileinto :flags "${flagvar1}" "1";
fileinto :flags "${flagvar2}" "2";
fileinto :flags "${flagvar3}" "3";
fileinto :flags "${flagvar4}" "4";
