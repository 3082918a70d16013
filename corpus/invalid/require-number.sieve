require 1;
keep;
