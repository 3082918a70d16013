// Tests for common/json_writer: structure, commas, string escaping, and a
// writer cleared between documents.
#include "common/json_writer.h"

#include <gtest/gtest.h>

namespace sievekit {
namespace {

TEST(JsonWriterTest, WritesNestedStructures) {
  JsonWriter w;
  w.BeginObject().Key("a").Int(-1).Key("b").BeginArray().Bool(true).Null().Uint(7).EndArray();
  w.Key("c").BeginObject().EndObject().Key("d").String("x").EndObject();
  EXPECT_EQ(w.str(), R"({"a":-1,"b":[true,null,7],"c":{},"d":"x"})");
}

TEST(JsonWriterTest, ArrayOfObjects) {
  JsonWriter w;
  w.BeginArray().BeginObject().Key("k").Int(1).EndObject().BeginObject().EndObject().EndArray();
  EXPECT_EQ(w.str(), R"([{"k":1},{}])");
}

TEST(JsonWriterTest, EscapesStrings) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"plain", "\"plain\""},
      {"", "\"\""},
      {"q\"b\\", "\"q\\\"b\\\\\""},
      {"a\nb\r\tc", "\"a\\nb\\r\\tc\""},
      {std::string("\x01\x7f", 2), "\"\\u0001\\u007f\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"bad\xFF", "\"bad\\ufffd\""},
  };
  for (const auto& c : cases) EXPECT_EQ(JsonWriter::Quote(c.in), c.out) << c.in;
}

TEST(JsonWriterTest, ClearStartsANewDocument) {
  JsonWriter w;
  w.BeginObject().Key("a").BeginArray().Int(1);  // left open
  w.Clear();
  EXPECT_EQ(w.str(), "");
  w.BeginObject().Key("b").String("x").EndObject();
  EXPECT_EQ(w.str(), R"({"b":"x"})");
  w.Clear();
  w.Key("k");  // a key leaves the writer waiting for its value
  w.Clear();
  w.BeginArray().Int(2).EndArray();
  EXPECT_EQ(w.str(), "[2]");
}

}  // namespace
}  // namespace sievekit
