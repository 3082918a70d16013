# RFC 3894 §1: without :copy, saving an extra copy takes an explicit keep.
require "fileinto";
fileinto "unfiltered";
keep;
