require ["fileinto","copy"];
# rule:[Copy everything]
fileinto :copy "Backup";
# rule:[Then stop]
stop;
