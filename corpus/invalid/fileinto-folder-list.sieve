require "fileinto";
fileinto ["Archive", "Backup"];
