# RFC 3894 §3: redirect :copy sends a copy and does not cancel the implicit
# keep (no example for redirect in the RFC; its syntax line).
require "copy";
redirect :copy "archive@example.com";
