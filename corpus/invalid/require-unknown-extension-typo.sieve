require "fileinot";
fileinto "Archive";
