# RFC 5173 §5.2: the example message and the five tests the RFC explains
# (1-5, all true), then tests of what each one must not see (6-13): a
# multipart part is only its prologue and epilogue, a message/rfc822 part
# only the header of the nested message, nested parts are searched when
# their own type matches, and MIME headers are never part of the data.
require ["body", "fileinto"];
if body :content "multipart" :contains "MIME" {
  fileinto "body :content 'multipart' :contains 'MIME': yes";
} else {
  fileinto "body :content 'multipart' :contains 'MIME': no";
}
if body :content "text/plain" :contains "Hello" {
  fileinto "body :content 'text/plain' :contains 'Hello': yes";
} else {
  fileinto "body :content 'text/plain' :contains 'Hello': no";
}
if body :content "text/html" :contains "Hello" {
  fileinto "body :content 'text/html' :contains 'Hello': yes";
} else {
  fileinto "body :content 'text/html' :contains 'Hello': no";
}
if body :content "text" :contains "Hello" {
  fileinto "body :content 'text' :contains 'Hello': yes";
} else {
  fileinto "body :content 'text' :contains 'Hello': no";
}
if body :content "message/rfc822" :contains "Hello" {
  fileinto "body :content 'message/rfc822' :contains 'Hello': yes";
} else {
  fileinto "body :content 'message/rfc822' :contains 'Hello': no";
}
if body :content "multipart" :contains "Hello" {
  fileinto "body :content 'multipart' :contains 'Hello': yes";
} else {
  fileinto "body :content 'multipart' :contains 'Hello': no";
}
if body :content "multipart" :contains "Content-Type" {
  fileinto "body :content 'multipart' :contains 'Content-Type': yes";
} else {
  fileinto "body :content 'multipart' :contains 'Content-Type': no";
}
if body :content "message/rfc822" :contains "Please say" {
  fileinto "body :content 'message/rfc822' :contains 'Please say': yes";
} else {
  fileinto "body :content 'message/rfc822' :contains 'Please say': no";
}
if body :content "message/rfc822" :contains "From: Someone Else" {
  fileinto "body :content 'message/rfc822' :contains 'From: Someone Else': yes";
} else {
  fileinto "body :content 'message/rfc822' :contains 'From: Someone Else': no";
}
if body :content "text" :contains "Please say Hello" {
  fileinto "body :content 'text' :contains 'Please say Hello': yes";
} else {
  fileinto "body :content 'text' :contains 'Please say Hello': no";
}
if body :content "text/plain" :contains "<html>" {
  fileinto "body :content 'text/plain' :contains '<html>': yes";
} else {
  fileinto "body :content 'text/plain' :contains '<html>': no";
}
if body :content "text/plain" :contains "Content-Type" {
  fileinto "body :content 'text/plain' :contains 'Content-Type': yes";
} else {
  fileinto "body :content 'text/plain' :contains 'Content-Type': no";
}
if body :content "text/html" :contains "Please say" {
  fileinto "body :content 'text/html' :contains 'Please say': yes";
} else {
  fileinto "body :content 'text/html' :contains 'Please say': no";
}
