# Capability strings are case-sensitive (RFC 5228 section 6).
require "FileInto";
fileinto "Archive";
