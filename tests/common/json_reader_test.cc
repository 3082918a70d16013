// Tests for common/json_reader: every production of RFC 8259 accepted, every
// departure from it refused with its position, limits, and a round trip with
// JsonWriter.
#include "common/json_reader.h"

#include <gtest/gtest.h>

#include "common/json_writer.h"

namespace sievekit {
namespace {

// A compact re-serialisation, to compare parsed structure exactly.
std::string Dump(const JsonValue& v) {
  switch (v.type()) {
    case JsonValue::Type::kNull:
      return "null";
    case JsonValue::Type::kBool:
      return v.AsBool() ? "true" : "false";
    case JsonValue::Type::kNumber:
      return v.NumberText();
    case JsonValue::Type::kString:
      return JsonWriter::Quote(v.AsString());
    case JsonValue::Type::kArray: {
      std::string out = "[";
      for (size_t i = 0; i < v.AsArray().size(); ++i) {
        if (i) out += ",";
        out += Dump(v.AsArray()[i]);
      }
      return out + "]";
    }
    case JsonValue::Type::kObject: {
      std::string out = "{";
      for (size_t i = 0; i < v.AsObject().size(); ++i) {
        if (i) out += ",";
        out += JsonWriter::Quote(v.AsObject()[i].name) + ":" + Dump(v.AsObject()[i].value);
      }
      return out + "}";
    }
  }
  return "?";
}

TEST(JsonReaderTest, AcceptsValidDocuments) {
  const struct {
    std::string in;
    std::string dump;
  } cases[] = {
      {"null", "null"},
      {" true ", "true"},
      {"\tfalse\r\n", "false"},
      {"0", "0"},
      {"-0", "-0"},
      {"12.5e-3", "12.5e-3"},
      {"1E+2", "1E+2"},
      {"\"\"", "\"\""},
      {R"("a\"b\\c\/d")", R"("a\"b\\c/d")"},
      {R"("\b\f\n\r\t")", R"("\b\f\n\r\t")"},
      {R"("\u00e9\u20AC")", "\"\xC3\xA9\xE2\x82\xAC\""},
      {R"("\ud83d\ude00")", "\"\xF0\x9F\x98\x80\""},
      {R"("\u0000")", "\"\\u0000\""},
      {"\"caf\xC3\xA9\"", "\"caf\xC3\xA9\""},
      {"[]", "[]"},
      {"[ 1 , [ 2 ] , {} ]", "[1,[2],{}]"},
      {R"({"a":1,"b":[true,null],"c":{"d":"e"}})", R"({"a":1,"b":[true,null],"c":{"d":"e"}})"},
      {"{ \"k\" : \"v\" }", R"({"k":"v"})"},
  };
  for (const auto& c : cases) {
    Result<JsonValue> r = ParseJson(c.in);
    ASSERT_TRUE(r.ok()) << c.in << ": " << r.error().message;
    EXPECT_EQ(Dump(*r), c.dump) << c.in;
  }
}

TEST(JsonReaderTest, RefusesInvalidDocumentsWithTheirPosition) {
  const struct {
    std::string in;
    std::string error;
  } cases[] = {
      {"", "line 1, column 1: expected a value, found the end of the input"},
      {"   ", "line 1, column 4: expected a value, found the end of the input"},
      {"nul", "line 1, column 1: expected a value, found 'n'"},
      {"True", "line 1, column 1: expected a value, found 'T'"},
      {"01", "line 1, column 2: a number may not have leading zeros"},
      {"-", "line 1, column 2: expected a digit"},
      {"1.", "line 1, column 3: expected a digit after the decimal point"},
      {"1e", "line 1, column 3: expected a digit in the exponent"},
      {"+1", "line 1, column 1: expected a value, found '+'"},
      {"NaN", "line 1, column 1: expected a value, found 'N'"},
      {"[1,]", "line 1, column 4: expected a value, found ']'"},
      {"[1 2]", "line 1, column 4: expected ',' or ']', found '2'"},
      {"{\"a\":1,}", "line 1, column 8: expected a member name in quotes, found '}'"},
      {"{'a':1}", "line 1, column 2: expected a member name in quotes, found '''"},
      {"{\"a\" 1}", "line 1, column 6: expected ':' after a member name, found '1'"},
      {"{\"a\":1 \"b\":2}", "line 1, column 8: expected ',' or '}', found '\"'"},
      {"{\"a\":1,\"a\":2}", "line 1, column 8: duplicate member name \"a\""},
      {"\"abc", "line 1, column 1: unterminated string"},
      {"\"a\nb\"", "line 1, column 3: a control character must be escaped in a string"},
      {"\"\\x\"", "line 1, column 2: invalid escape '\\x'"},
      {"\"\\u12\"", "line 1, column 6: expected four hexadecimal digits after \\u"},
      {"\"\\udc00\"", "line 1, column 2: a low surrogate \\u escape without a high surrogate before it"},
      {"\"\\ud800x\"", "line 1, column 2: a high surrogate \\u escape must be followed by a low one"},
      {"\"\\ud800\\u0041\"", "line 1, column 2: a high surrogate \\u escape must be followed by a low one"},
      {"\"\xFF\"", "line 1, column 2: invalid UTF-8 in a string"},
      {"\"\xC0\xAF\"", "line 1, column 2: invalid UTF-8 in a string"},
      {"\xEF\xBB\xBF{}", "line 1, column 1: a byte order mark is not JSON"},
      {"{} x", "line 1, column 4: unexpected text after the JSON value"},
      {"/* c */ 1", "line 1, column 1: expected a value, found '/'"},
      {"[\n  1,\n  x]", "line 3, column 3: expected a value, found 'x'"},
      {"[\"\xC3\xA9\", x]", "line 1, column 7: expected a value, found 'x'"},
  };
  for (const auto& c : cases) {
    Result<JsonValue> r = ParseJson(c.in);
    ASSERT_FALSE(r.ok()) << c.in;
    EXPECT_EQ(r.error().message, c.error) << c.in;
  }
}

TEST(JsonReaderTest, BoundsDepthAndSize) {
  JsonReadLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(ParseJson("[[[]]]", limits).ok());
  Result<JsonValue> deep = ParseJson("[[[[]]]]", limits);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().message, "line 1, column 4: nesting deeper than 3 levels");
  // The default depth stops a hostile nesting long before the stack would.
  EXPECT_FALSE(ParseJson(std::string(100000, '[')).ok());

  limits.max_size = 4;
  Result<JsonValue> big = ParseJson("[1,2]", limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().message, "the JSON text is larger than 4 bytes");
}

TEST(JsonReaderTest, Accessors) {
  Result<JsonValue> r = ParseJson(R"({"n":42,"f":1.5,"big":99999999999999999999,"s":"x","b":true})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Find("n")->AsInt64(), 42);
  EXPECT_EQ(r->Find("f")->AsInt64(), std::nullopt);
  EXPECT_DOUBLE_EQ(r->Find("f")->AsDouble(), 1.5);
  EXPECT_EQ(r->Find("big")->AsInt64(), std::nullopt);
  EXPECT_EQ(r->Find("s")->AsString(), "x");
  EXPECT_TRUE(r->Find("b")->AsBool());
  EXPECT_EQ(r->Find("missing"), nullptr);
  EXPECT_EQ(r->Find("s")->offset(), 47u);
  EXPECT_EQ(JsonValue::TypeName(r->Find("n")->type()), "a number");
  EXPECT_EQ(JsonValue::TypeName(JsonValue::Type::kObject), "an object");
  EXPECT_EQ(JsonPosition("ab\ncd", 4), "line 2, column 2");
}

TEST(JsonReaderTest, ReadsWhatJsonWriterWrites) {
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte.push_back(static_cast<char>(c));
  every_byte += "\xC3\xA9\xF0\x9F\x98\x80";
  every_byte.push_back('\0');
  JsonWriter w;
  w.BeginObject().Key(every_byte).String(every_byte).Key("list").BeginArray().Int(-7).EndArray();
  w.EndObject();
  Result<JsonValue> r = ParseJson(w.str());
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->AsObject().size(), 2u);
  EXPECT_EQ(r->AsObject()[0].name, every_byte);
  EXPECT_EQ(r->AsObject()[0].value.AsString(), every_byte);
  EXPECT_EQ(r->Find("list")->AsArray()[0].AsInt64(), -7);
}

}  // namespace
}  // namespace sievekit
