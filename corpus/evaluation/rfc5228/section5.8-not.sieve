# RFC 5228 §5.8: "not false" is true and "not true" is false.
require "fileinto";
if not false { fileinto "not false => true"; } else { fileinto "not false => false"; }
if not true { fileinto "not true => true"; } else { fileinto "not true => false"; }
