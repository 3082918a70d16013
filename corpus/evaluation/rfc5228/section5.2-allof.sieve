# RFC 5228 §5.2: allof is a logical AND.
require "fileinto";
if allof (false, false) { fileinto "allof (false, false) => true"; } else { fileinto "allof (false, false) => false"; }
if allof (false, true) { fileinto "allof (false, true) => true"; } else { fileinto "allof (false, true) => false"; }
if allof (true,  true) { fileinto "allof (true,  true) => true"; } else { fileinto "allof (true,  true) => false"; }
