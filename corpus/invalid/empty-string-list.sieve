require [];
keep;
