// Tests for mail/message_limits.h, seen from a script: past each limit the
// message has a defined shape — fields beyond max_header_fields do not
// exist, a field longer than max_header_field_size is its first bytes,
// containers at max_mime_depth are leaves and parts beyond max_mime_parts
// do not exist — and evaluation ends normally, without a runtime error.
#include "mail/message_limits.h"

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "sievekit/sievekit.h"

namespace sievekit::mail {
namespace {

// multipart/mixed nested `depth` times around a text part saying "deep".
std::string NestedMultipart(int depth) {
  std::string head;
  std::string tail;
  for (int i = 0; i < depth; ++i) {
    const std::string b = "b" + std::to_string(i);
    head += "Content-Type: multipart/mixed; boundary=" + b + "\r\n\r\n--" + b + "\r\n";
    tail = "\r\n--" + b + "--\r\n" + tail;
  }
  return "Subject: nested\r\n" + head + "Content-Type: text/plain\r\n\r\ndeep" + tail;
}

// A multipart/mixed message of `parts` text parts "part1", "part2", ...
std::string ManyParts(int parts) {
  std::string out = "Subject: parts\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";
  for (int i = 1; i <= parts; ++i) {
    out += "--b\r\nContent-Type: text/plain\r\n\r\npart" + std::to_string(i) + "\r\n";
  }
  return out + "--b--\r\n";
}

std::string Fields(int count) {
  std::string out;
  for (int i = 1; i <= count; ++i) out += "X-F" + std::to_string(i) + ": v\r\n";
  return out + "\r\nbody text\r\n";
}

TEST(MessageLimitsTest, PastEachLimitTheMessageHasADefinedShape) {
  const struct {
    std::string_view name;
    std::function<void(MessageLimits&)> configure;
    std::string message;
    std::string script;  // discards when the script sees what it tests
    bool discards;
  } cases[] = {
      // max_header_fields: the first N fields exist, later ones do not; the
      // body still starts after the empty line.
      {"last field kept", [](MessageLimits& l) { l.max_header_fields = 3; }, Fields(5),
       "if exists \"x-f3\" { discard; }", true},
      {"fields past the limit ignored", [](MessageLimits& l) { l.max_header_fields = 3; },
       Fields(5), "if exists \"x-f4\" { discard; }", false},
      {"body unaffected by dropped fields", [](MessageLimits& l) { l.max_header_fields = 3; },
       Fields(5), "require \"body\"; if body :raw :contains \"body text\" { discard; }", true},
      {"dropped fields do not count", [](MessageLimits& l) { l.max_header_fields = 3; },
       Fields(5), "require \"relational\"; if header :count \"eq\" \"x-f1\" \"1\" { discard; }",
       true},
      // max_header_field_size: the raw value (from after the colon) is cut.
      {"field cut at its size", [](MessageLimits& l) { l.max_header_field_size = 8; },
       "Subject: 0123456789\r\n\r\nbody\r\n", "if header :is \"subject\" \"0123456\" { discard; }",
       true},
      {"the cut-off bytes are not seen", [](MessageLimits& l) { l.max_header_field_size = 8; },
       "Subject: 0123456789\r\n\r\nbody\r\n", "if header :contains \"subject\" \"7\" { discard; }",
       false},
      {"a field at its size is whole", [](MessageLimits& l) { l.max_header_field_size = 11; },
       "Subject: 0123456789\r\n\r\nbody\r\n",
       "if header :is \"subject\" \"0123456789\" { discard; }", true},
      // max_mime_depth: a container at the limit is a leaf of type multipart,
      // so text parts below it are not body text.
      {"text within the depth limit", [](MessageLimits& l) { l.max_mime_depth = 3; },
       NestedMultipart(3), "require \"body\"; if body :text :contains \"deep\" { discard; }",
       true},
      {"text below the depth limit unseen", [](MessageLimits& l) { l.max_mime_depth = 2; },
       NestedMultipart(3), "require \"body\"; if body :text :contains \"deep\" { discard; }",
       false},
      {"headers above the depth limit seen", [](MessageLimits& l) { l.max_mime_depth = 2; },
       NestedMultipart(3), "if header :is \"subject\" \"nested\" { discard; }", true},
      // max_mime_parts: the message counts as one; later parts do not exist.
      {"parts within the limit", [](MessageLimits& l) { l.max_mime_parts = 3; }, ManyParts(4),
       "require \"body\"; if body :text :contains \"part2\" { discard; }", true},
      {"parts past the limit unseen", [](MessageLimits& l) { l.max_mime_parts = 3; },
       ManyParts(4), "require \"body\"; if body :text :contains \"part3\" { discard; }", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const CompileResult compiled = Compile(c.script);
    ASSERT_TRUE(compiled.ok()) << compiled.ErrorsText();
    MessageLimits limits;
    c.configure(limits);
    Evaluator evaluator(limits);
    const EvalResult& result = evaluator.Evaluate(*compiled.program, c.message, {}, {});
    EXPECT_TRUE(result.errors.empty());
    EXPECT_EQ(result.implicit_keep, !c.discards);
    EXPECT_EQ(result.actions.size(), c.discards ? 1u : 0u);
  }
}

TEST(MessageLimitsTest, ConfiguredDepthIsCappedForTheStack) {
  // However high a host sets max_mime_depth, the recursive tree builder
  // stops at MimeTree::kHardMaxDepth: a message nested 400 deep is a
  // defined result, not a stack overflow.
  MessageLimits limits;
  limits.max_mime_depth = 1000000;
  Message message(limits);
  const std::string bytes = NestedMultipart(400);
  message.Parse(bytes);
  EXPECT_EQ(message.Mime().parts().size(), MimeTree::kHardMaxDepth + 1);
  EXPECT_TRUE(message.Mime().depth_limited());
}

TEST(MessageLimitsTest, DefaultsAreTheDocumentedOnes) {
  const MessageLimits limits;
  EXPECT_EQ(limits.max_header_fields, 1000u);
  EXPECT_EQ(limits.max_header_field_size, 64u * 1024u);
  EXPECT_EQ(limits.max_mime_depth, 32u);
  EXPECT_EQ(limits.max_mime_parts, 1000u);
}

}  // namespace
}  // namespace sievekit::mail
