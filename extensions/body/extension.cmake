# body (RFC 5173): the body test with :raw, :content and :text.
sievekit_extension(REGISTER RegisterBody SOURCES body.cc body_strings.cc html_text.cc)
