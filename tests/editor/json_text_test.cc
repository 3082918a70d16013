// Tests for editor/json_text: base64 both ways, JSON indentation.
#include "editor/json_text.h"

#include <gtest/gtest.h>

namespace sievekit::editor {
namespace {

TEST(JsonTextTest, Base64) {
  const struct {
    std::string bytes;
    std::string text;
  } cases[] = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="},
      {std::string("\0\xFF\xFE", 3), "AP/+"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Base64Encode(c.bytes), c.text);
    EXPECT_EQ(*Base64Decode(c.text), c.bytes);
  }
  EXPECT_EQ(Base64Decode("Zg=").error().message, "base64 text must be a multiple of 4 characters long");
  EXPECT_EQ(Base64Decode("Z===").error().message, "invalid base64 character at 1");
  EXPECT_EQ(Base64Decode("Zh==").error().message, "base64 text is not in canonical form");
  EXPECT_EQ(Base64Decode("Zm=v").error().message, "invalid base64 character at 3");
}

TEST(JsonTextTest, PrettyJson) {
  EXPECT_EQ(PrettyJson(R"({"a":[1,2],"b":"x,y:{[","c":{}})"),
            "{\"a\": [1, 2], \"b\": \"x,y:{[\", \"c\": {}}\n");
  EXPECT_EQ(PrettyJson(R"({"long":")" + std::string(80, 'x') + R"(","n":1})"),
            "{\n  \"long\": \"" + std::string(80, 'x') + "\",\n  \"n\": 1\n}\n");
}

}  // namespace
}  // namespace sievekit::editor
