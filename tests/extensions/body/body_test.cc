// Tests for extensions/body/body: the body test of RFC 5173 end to end —
// every example of the RFC with its exact actions, the defaults, messages
// without a body, :count, variables (and the match variables a body test
// must not set, §6), :regex, the compile-time checks, and hostile inputs.
#include "extensions/body/body.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/extensions/eval_test_util.h"

namespace sievekit::extensions {
namespace {

using exttest::Diagnose;
using exttest::RunScript;

// RFC 5173 §5.2, the example message (with CRLF line ends).
const std::string kRfcExample =
    "From: Whomever\r\n"
    "To: Someone\r\n"
    "Date: Whenever\r\n"
    "Subject: whatever\r\n"
    "Content-Type: multipart/mixed; boundary=outer\r\n"
    "\r\n"
    "This is a multi-part message in MIME format.\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=inner\r\n"
    "\r\n"
    "This is a nested multi-part message in MIME format.\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
    "\r\n"
    "Hello\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/html; charset=\"us-ascii\"\r\n"
    "\r\n"
    "<html><body>Hello</body></html>\r\n"
    "\r\n"
    "--inner--\r\n"
    "\r\n"
    "This is the end of the inner MIME multipart.\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: Someone Else\r\n"
    "Subject: hello request\r\n"
    "\r\n"
    "Please say Hello\r\n"
    "\r\n"
    "--outer--\r\n"
    "\r\n"
    "This is the end of the outer MIME multipart.\r\n";

const std::string kRequire =
    "require [\"body\", \"fileinto\", \"relational\", \"comparator-i;ascii-numeric\", "
    "\"variables\", \"regex\"];\n";

// Whether `test` holds on `message`.
bool Holds(std::string_view test, const std::string& message) {
  const std::string actions =
      RunScript(kRequire + "if " + std::string(test) + " { fileinto \"yes\"; }\n", message);
  EXPECT_TRUE(actions == "fileinto:yes" || actions == "keep*") << test << ": " << actions;
  return actions == "fileinto:yes";
}

// §5.1: the body as it is, MIME structure and transfer encodings included.
TEST(BodyTest, Rfc5173Section51Example) {
  const std::string script = R"(require "body";
# This will match a message containing the literal text
# "MAKE MONEY FAST" in body parts (ignoring any
# content-transfer-encodings) or MIME headers other than
# the outermost RFC 2822 header.
if body :raw :contains "MAKE MONEY FAST" {
        discard;
}
)";
  ASSERT_EQ(Diagnose(script), "");
  const struct {
    std::string_view name;
    std::string message;
    std::string_view actions;
  } cases[] = {
      {"in the text", "Subject: hi\r\n\r\nYou can MAKE MONEY FAST!\r\n", "discard"},
      {"any case", "Subject: hi\r\n\r\nmake money fast\r\n", "discard"},
      {"across lines", "Subject: hi\r\n\r\nMAKE MONEY\r\nFAST\r\n", "keep*"},
      {"outermost header only", "Subject: MAKE MONEY FAST\r\n\r\nhello\r\n", "keep*"},
      {"in a MIME header",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
       "Content-Type: text/plain; name=\"MAKE MONEY FAST.txt\"\r\n\r\nhi\r\n--b--\r\n",
       "discard"},
      {"quoted-printable, not decoded",
       "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
       "MAKE=20MONEY FAST\r\n",
       "keep*"},
      {"base64, not decoded",
       "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
       "TUFLRSBNT05FWSBGQVNU\r\n",
       "keep*"},
      {"syntax errors do not matter",
       "Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\nMAKE MONEY FAST\r\n--x--",
       "discard"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(script, c.message), c.actions) << c.name;
  }
}

// §5.2, the example message and the five tests the RFC marks lines for,
// plus what each must not see.
TEST(BodyTest, Rfc5173Section52MarkedLines) {
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {R"(body :content "multipart" :contains "MIME")", true},
      {R"(body :content "text/plain" :contains "Hello")", true},
      {R"(body :content "text/html" :contains "Hello")", true},
      {R"(body :content "text" :contains "Hello")", true},
      {R"(body :content "message/rfc822" :contains "Hello")", true},
      // '&': preambles and epilogues, never boundaries or part contents.
      {R"(body :content "multipart" :contains "This is the end of the inner MIME multipart")",
       true},
      {R"(body :content "multipart" :contains "This is the end of the outer MIME multipart.")",
       true},
      {R"(body :content "multipart" :contains "--inner")", false},
      {R"(body :content "multipart" :contains "--outer")", false},
      {R"(body :content "multipart" :contains "Content-Type")", false},
      {R"(body :content "multipart" :contains "Hello")", false},
      // '$': not the HTML, not the nested header.
      {R"(body :content "text/plain" :contains "<html>")", false},
      {R"(body :content "text/plain" :contains "please say hello")", true},
      {R"(body :content "text/plain" :contains "hello request")", false},
      // '%'.
      {R"(body :content "text/html" :is "<html><body>Hello</body></html>\r\n")", false},
      {R"(body :content "text/html" :matches "<html><body>Hello</body></html>*")", true},
      {R"(body :content "text/html" :matches "Hello*")", false},
      // '!': the nested header as one string, and nothing of its body.
      // (A multi-line string keeps the line breaks of the script.)
      {"body :content \"message/rfc822\" :is text:\r\nFrom: Someone Else\r\n"
       "Subject: hello request\r\n.\r\n",
       true},
      {R"(body :content "message/rfc822" :contains "From: Someone Else")", true},
      {R"(body :content "message/rfc822" :contains "Please say")", false},
      // §5.2: "MUST NOT match across MIME part boundaries"; "MIME headers
      // of the containing part MUST NOT be included".
      {R"(body :content "text" :contains "Hello*Please")", false},
      {R"(body :content "text" :matches "*Hello*Please*")", false},
      {R"(body :content "text" :contains "charset")", false},
      // Existence tests with an empty key ("useful as tests for the
      // existence of such parts").
      {R"(body :content "multipart" :contains "")", true},
      {R"(body :content "message" :contains "")", true},
      {R"(body :content "audio" :contains "")", false},
      {R"(body :content "text/plain/x" :contains "")", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test, kRfcExample), c.holds) << c.test;
  }
}

// §5.2, the second example.
TEST(BodyTest, Rfc5173Section52SecretsAndJukebox) {
  const std::string script = R"(require ["body", "fileinto"];

# Save any message with any text MIME part that contains the
# words "missile" or "coordinates" in the "secrets" folder.

if body :content "text" :contains ["missile", "coordinates"] {
        fileinto "secrets";
}

# Save any message with an audio/mp3 MIME part in
# the "jukebox" folder.

if body :content "audio/mp3" :contains "" {
        fileinto "jukebox";
}
)";
  ASSERT_EQ(Diagnose(script), "");
  const std::string mp3 =
      "--b\r\nContent-Type: audio/mp3\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      "SUQzBAAAAAAA\r\n";
  const struct {
    std::string_view name;
    std::string message;
    std::string_view actions;
  } cases[] = {
      {"plain text", "Subject: x\r\n\r\nThe missile is ready.\r\n", "fileinto:secrets"},
      {"any case", "Subject: x\r\n\r\nCOORDINATES follow\r\n", "fileinto:secrets"},
      {"in the subject only", "Subject: missile\r\n\r\nnothing\r\n", "keep*"},
      {"in an HTML part",
       "Content-Type: text/html\r\n\r\n<p>the <b>missile</b></p>\r\n", "fileinto:secrets"},
      {"in an attachment that is not text",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
       "Content-Type: application/octet-stream\r\n\r\nmissile\r\n--b--\r\n",
       "keep*"},
      {"base64 text is decoded",
       "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nbWlzc2lsZQ==\r\n",
       "fileinto:secrets"},
      {"an mp3", "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + mp3 + "--b--\r\n",
       "fileinto:jukebox"},
      {"both",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
       "coordinates\r\n" +
           mp3 + "--b--\r\n",
       "fileinto:secrets fileinto:jukebox"},
      {"an mp3 by another name",
       "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: audio/mpeg\r\n\r\n"
       "x\r\n--b--\r\n",
       "keep*"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(script, c.message), c.actions) << c.name;
  }
}

// §5.3.
TEST(BodyTest, Rfc5173Section53Example) {
  const std::string script = R"(require ["body", "fileinto"];

# Save messages mentioning the project schedule in the
# project/schedule folder.
if body :text :contains "project schedule" {
        fileinto "project/schedule";
}
)";
  ASSERT_EQ(Diagnose(script), "");
  const struct {
    std::string_view name;
    std::string message;
    std::string_view actions;
  } cases[] = {
      {"plain", "Subject: x\r\n\r\nAbout the Project Schedule:\r\n", "fileinto:project/schedule"},
      {"html markup between the words",
       "Content-Type: text/html\r\n\r\n<p>the <b>project</b> <i>schedule</i></p>\r\n",
       "fileinto:project/schedule"},
      {"html entity between the words",
       "Content-Type: text/html\r\n\r\nproject&nbsp;schedule\r\n", "fileinto:project/schedule"},
      {"quoted-printable, latin-1",
       "Content-Type: text/plain; charset=iso-8859-1\r\n"
       "Content-Transfer-Encoding: quoted-printable\r\n\r\nproject=20sche=\r\ndule\r\n",
       "fileinto:project/schedule"},
      {"in an image", "Content-Type: image/png\r\n\r\nproject schedule\r\n", "keep*"},
      {"in the subject", "Subject: project schedule\r\n\r\nsee subject\r\n", "keep*"},
      {"split by a line break", "Subject: x\r\n\r\nproject\r\nschedule\r\n", "keep*"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(script, c.message), c.actions) << c.name;
  }
}

const std::string kSimple =
    "From: stephan@example.org\r\n"
    "To: tss@example.net\r\n"
    "Subject: Test message.\r\n"
    "\r\n"
    "Test!\r\n";

// §4: the body follows the first empty line, which is not part of it; the
// defaults are :text, :is and i;ascii-casemap.
TEST(BodyTest, BodyBoundaryAndDefaults) {
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {"body :raw :is \"Test!\r\n\"", true},  // a quoted string holding a CRLF
      {"body :raw :is \"Test!\"", false},
      {"body :raw :is text:\r\nTest!\r\n.\r\n", true},
      {"body :raw :is text:\r\n\r\nTest!\r\n.\r\n", false},  // the empty line is not body
      {"body :raw :is \"Test\"", false},
      {"body :raw \"Test\"", false},       // :is by default
      {"body :raw \"*Test*\"", false},     // not :matches
      {"body :raw :contains \"tesT\"", true},  // i;ascii-casemap by default
      {"body :raw :comparator \"i;octet\" :contains \"tesT\"", false},
      {"body :contains \"Test!\"", true},  // :text by default
      {"body :text :is text:\r\nTest!\r\n.\r\n", true},
      {"body :content \"text\" :is text:\r\nTest!\r\n.\r\n", true},
      {"body :content \"\" :is text:\r\nTest!\r\n.\r\n", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test, kSimple), c.holds) << c.test;
  }
}

// §4: "If a message consists of a header only, not followed by an empty
// line, then that set is empty and all "body" tests return false,
// including those that test for an empty string."
TEST(BodyTest, NoBodyMakesEveryBodyTestFalse) {
  const std::string no_body = "From: stephan@example.org\r\nSubject: No body is here!\r\n";
  const std::string_view tests[] = {
      R"(body :raw :contains "")",
      R"(body :raw :is "")",
      R"(body :raw :matches "*")",
      R"(body :text :contains "")",
      R"(body :content "" :contains "")",
      R"(body :regex "")",
      R"(body :raw :count "eq" :comparator "i;ascii-numeric" "0")",
      R"(body :content "text" :count "lt" :comparator "i;ascii-numeric" "1")",
      R"(body :raw :value "eq" "")",
  };
  for (std::string_view test : tests) {
    EXPECT_FALSE(Holds(test, no_body)) << test;
    EXPECT_TRUE(Holds(std::string("not ") + std::string(test), no_body)) << test;
  }
  // An empty body is a body: one empty string.
  const std::string empty = "Subject: empty\r\n\r\n";
  EXPECT_TRUE(Holds(R"(body :raw :is "")", empty));
  EXPECT_TRUE(Holds(R"(body :matches "*")", empty));
  EXPECT_TRUE(Holds(R"(body :raw :count "eq" :comparator "i;ascii-numeric" "1")", empty));
}

// RFC 5231 §4.2 via §6: :count counts the strings of the transform.
TEST(BodyTest, Count) {
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {R"(body :raw :count "eq" :comparator "i;ascii-numeric" "1")", true},
      {R"(body :text :count "eq" :comparator "i;ascii-numeric" "3")", true},
      {R"(body :content "text" :count "eq" :comparator "i;ascii-numeric" "3")", true},
      {R"(body :content "multipart" :count "eq" :comparator "i;ascii-numeric" "4")", true},
      {R"(body :content "message/rfc822" :count "eq" :comparator "i;ascii-numeric" "1")", true},
      {R"(body :content "" :count "eq" :comparator "i;ascii-numeric" "8")", true},
      {R"(body :content "audio" :count "eq" :comparator "i;ascii-numeric" "0")", true},
      {R"(body :content ["text/plain", "text"] :count "eq" :comparator "i;ascii-numeric" "3")",
       true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test, kRfcExample), c.holds) << c.test;
  }
}

// §6: "Wildcard expressions used with "body" ... MUST NOT set match
// variables"; "variable references in the key strings or content type
// strings are evaluated".
TEST(BodyTest, Variables) {
  const std::string message =
      "From: stephan@example.org\r\n"
      "To: s.bosch@twente.example.net\r\n"
      "Subject: Body test\r\n"
      "\r\n"
      "The big bad body test.\r\n";
  const struct {
    std::string_view name;
    std::string script;
    std::string_view actions;
  } cases[] = {
      {"match variables stay unset",
       R"(if body :raw :matches "The * bad * test*" { fileinto "[${0}][${1}][${2}]"; })",
       "fileinto:[][][]"},
      {"match variables are retained",
       R"(if header :matches "from" "*@*" {
  if body :raw :matches "The * bad * test*" { fileinto "${0}|${1}|${2}"; }
})",
       "fileinto:stephan@example.org|stephan|example.org"},
      {"regex groups do not set them either",
       R"(if header :matches "from" "*@*" {
  if body :regex "The (big) bad" { fileinto "${1}"; }
})",
       "fileinto:stephan"},
      {"the next test sets them again",
       R"(if body :raw :matches "The * bad*" { discard; }
if header :matches "to" "*@*" { fileinto "${1}"; })",
       "discard fileinto:s.bosch"},
      {"variable key", R"(set "word" "BAD BODY";
if body :contains "${word}" { fileinto "found ${word}"; })",
       "fileinto:found BAD BODY"},
      {"variable content type", R"(set "type" "text";
if body :content "${type}/plain" :contains "big" { fileinto "typed"; }
if body :content "${type}/html" :contains "" { fileinto "BAD"; })",
       "fileinto:typed"},
      {"content type from a match variable", R"(if header :matches "subject" "* test" {
  if body :content "${1}" :contains "" { fileinto "BAD"; }
}
if header :matches "subject" "B* test" {
  if body :content "te${1}" :contains "" { fileinto "BAD"; }
}
if header :matches "to" "*@*" { set "t" "TEXT"; }
if body :content "${t}" :contains "big" { fileinto "folded"; })",
       "fileinto:folded"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunScript(kRequire + c.script, message), c.actions) << c.name;
  }
}

TEST(BodyTest, OtherMatchTypesAndComparators) {
  const struct {
    std::string_view test;
    bool holds;
  } cases[] = {
      {R"(body :text :regex "^Please say [Hh]ello")", true},
      {R"(body :text :regex "^please SAY hello")", true},
      {R"(body :text :comparator "i;octet" :regex "^please SAY hello")", false},
      {R"(body :content "text/html" :regex "<body>.*</body>")", true},
      {R"(body :content "multipart" :regex "^This is the end of the inner")", true},
      {R"(body :raw :value "gt" "A")", true},
      {R"(body :content "text/plain" :value "lt" :comparator "i;ascii-numeric" "5")", false},
      {R"(body :content "text/plain" :matches "hello?*")", true},
      {R"(body :content "text/plain" :matches "hello")", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.test, kRfcExample), c.holds) << c.test;
  }
}

TEST(BodyTest, CompileTimeChecks) {
  // The malformed body tests of a script, each reported once.
  const std::string errors = R"(require "body";
if body { }
if body 3 { }
if body "frop" { }
if body "frop" "friep" { }
if body :frop { }
if body :friep "frop" { }
if body :content { }
if body :content "frop" { }
if body :content 3 "frop" { }
if body :content :frml "frop" { }
if body :content :contains "frop" { }
if body :content "frop" :raw "frop" { }
if body :text :raw "frop" { }
)";
  EXPECT_EQ(
      Diagnose(errors),
      "2:4 missing-argument: the body test requires 1 positional argument, but 0 were "
      "specified\n"
      "3:9 wrong-argument-type: the body test expects a string list as argument 1 (key list), "
      "but a number was found\n"
      "5:16 too-many-arguments: too many arguments for the body test: it takes 1 positional "
      "argument\n"
      "6:9 unknown-tag: unknown tagged argument ':frop' for the body test (it takes :raw, :content, :text, :comparator, :is, :contains or :matches)\n"
      "7:9 unknown-tag: unknown tagged argument ':friep' for the body test (it takes :raw, :content, :text, :comparator, :is, :contains or :matches)\n"
      "8:9 tag-argument-missing: the ':content' tag of the body test must be followed by a "
      "list of content types\n"
      "9:4 missing-argument: the body test requires 1 positional argument, but 0 were "
      "specified\n"
      "10:18 wrong-tag-parameter: the ':content' tag of the body test expects a string list, "
      "but a number was found\n"
      "11:9 tag-argument-missing: the ':content' tag of the body test must be followed by a "
      "list of content types\n"
      "12:9 tag-argument-missing: the ':content' tag of the body test must be followed by a "
      "list of content types\n"
      "13:25 conflicting-tags: tagged argument ':raw' cannot be combined with ':content' in the "
      "body test\n"
      "14:15 conflicting-tags: tagged argument ':raw' cannot be combined with ':text' in the "
      "body test\n");
  EXPECT_EQ(Diagnose(R"(if body "x" { keep; })"),
            "1:4 missing-require: test 'body' needs the extension 'body', which is not "
            "required\n");
  // Content types that select nothing are legal (§5.2) but worth a warning.
  EXPECT_EQ(Diagnose(R"(require ["body", "variables"];
if body :content ["", "text", "text/plain", "/plain", "text/", "a/b/c", "text/plain; x=y",
                  "${t}/x", "x/${t}/y"] :contains "" { keep; })"),
            "2:45 content-type-matches-nothing: content type '/plain' matches no MIME part: it "
            "begins or ends with '/' (RFC 5173 §5.2)\n"
            "2:55 content-type-matches-nothing: content type 'text/' matches no MIME part: it "
            "begins or ends with '/' (RFC 5173 §5.2)\n"
            "2:64 content-type-matches-nothing: content type 'a/b/c' matches no MIME part: it "
            "has more than one '/' (RFC 5173 §5.2)\n"
            "2:73 content-type-matches-nothing: content type 'text/plain; x=y' matches no MIME "
            "part: media types and subtypes are MIME tokens (RFC 2045 §5.1): no spaces, "
            "parameters or special characters (RFC 5173 §5.2)\n");
}

// §8: "even malicious use of body matching does not deny service".
TEST(BodyTest, HostileMessages) {
  // A large body and a :matches pattern with many wildcards (linear glob).
  const std::string big = "Subject: big\r\n\r\n" + std::string(1 << 20, 'a') + "\r\n";
  EXPECT_TRUE(Holds(R"(body :raw :matches "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*")", big));
  EXPECT_FALSE(Holds(R"(body :raw :matches "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b*")", big));
  EXPECT_FALSE(Holds(R"(body :raw :regex "(a*)*b")", big));
  EXPECT_TRUE(Holds(R"(body :raw :count "eq" :comparator "i;ascii-numeric" "1")", big));

  // Multiparts nested far past the depth limit.
  std::string deep = "Content-Type: multipart/mixed; boundary=b0\r\n\r\n";
  std::string tail;
  for (int i = 1; i < 400; ++i) {
    deep += "--b" + std::to_string(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=b" +
            std::to_string(i) + "\r\n\r\n";
    tail = "--b" + std::to_string(i - 1) + "--\r\n" + tail;
  }
  deep += "--b399\r\n\r\ndeep text\r\n--b399--\r\n" + tail;
  EXPECT_TRUE(Holds(R"(body :content "multipart" :contains "")", deep));
  EXPECT_FALSE(Holds(R"(body :content "multipart" :contains "deep text")", deep));
  EXPECT_FALSE(Holds(R"(body :content "multipart" :contains "Content-Type")", deep));
  EXPECT_FALSE(Holds(R"(body :content "" :contains "--b3")", deep));
  EXPECT_FALSE(Holds(R"(body :text :contains "deep text")", deep));
  EXPECT_TRUE(Holds(R"(body :raw :contains "deep text")", deep));

  // Far more parts than are recorded.
  std::string many = "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
  for (int i = 0; i < 5000; ++i) many += "--b\r\n\r\npart " + std::to_string(i) + "\r\n";
  many += "--b--\r\n";
  EXPECT_TRUE(Holds(R"(body :text :contains "part 998")", many));
  EXPECT_FALSE(Holds(R"(body :text :contains "part 4999")", many));
  EXPECT_TRUE(Holds(R"(body :text :count "eq" :comparator "i;ascii-numeric" "999")", many));
  EXPECT_TRUE(Holds(R"(body :raw :contains "part 4999")", many));
}

// A key that is invalid once expanded matches nothing inside a body test
// too, with a warning; a runtime error there stops the script and keeps the
// message.
TEST(BodyTest, RuntimeProblemsInsideABodyTest) {
  EXPECT_EQ(RunScript(kRequire + R"(set "re" "(";
if body :regex "${re}" { fileinto "x"; }
fileinto "after";)",
                      kSimple),
            "warning:invalid-regex fileinto:after");
  EXPECT_EQ(RunScript(kRequire + R"(set "a" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
set "b" "${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}${a}";
set "c" "${b}${b}${b}${b}${b}${b}${b}${b}${b}";
if body :regex "${c}" { fileinto "x"; }
fileinto "after";)",
                      kSimple),
            "error:max-regex-size keep*");
}

}  // namespace
}  // namespace sievekit::extensions
