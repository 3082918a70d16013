# Fragments from section 2.4.2.1, each test wrapped in an if command.
if header :contains ["To", "Cc"]
    ["me@example.com", "me00@landru.example.com"] {
   keep;
}
if exists "To" {
   keep;
}
if exists ["To"] {
   keep;
}
