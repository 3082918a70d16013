require "fileinto";
fileinto "Archive"
