# RFC 5228 §5.3: anyof is a logical OR.
require "fileinto";
if anyof (false, false) { fileinto "anyof (false, false) => true"; } else { fileinto "anyof (false, false) => false"; }
if anyof (false, true) { fileinto "anyof (false, true) => true"; } else { fileinto "anyof (false, true) => false"; }
if anyof (true,  true) { fileinto "anyof (true,  true) => true"; } else { fileinto "anyof (true,  true) => false"; }
