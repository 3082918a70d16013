// JsonValue and ParseJson: a small, strict JSON reader (RFC 8259) for the
// JSON that sievec reads back, such as rule models (`sievec rules emit`).
//
// Strict means: exactly the RFC 8259 grammar (no comments, trailing commas,
// single quotes, NaN, leading zeros or byte order mark), strings must be
// valid UTF-8 with no raw control characters, \u escapes must pair their
// surrogates, an object may not repeat a member name, and nothing but white
// space may follow the value. Nesting depth and input size are bounded so a
// hostile file cannot exhaust the stack. Errors say where (line and column,
// in characters) and what was expected. It does not write JSON (that is
// json_writer.h) and keeps no schema knowledge.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace sievekit {

struct JsonMember;

class JsonValue {
 public:
  enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

  JsonValue() = default;
  static JsonValue Null(uint32_t offset = 0);
  static JsonValue Bool(bool value, uint32_t offset = 0);
  // `text` is the number as written (kept for exact integers).
  static JsonValue Number(std::string text, uint32_t offset = 0);
  static JsonValue String(std::string value, uint32_t offset = 0);
  static JsonValue Array(std::vector<JsonValue> elements, uint32_t offset = 0);
  static JsonValue Object(std::vector<JsonMember> members, uint32_t offset = 0);

  Type type() const { return type_; }
  bool IsNull() const { return type_ == Type::kNull; }
  bool IsBool() const { return type_ == Type::kBool; }
  bool IsNumber() const { return type_ == Type::kNumber; }
  bool IsString() const { return type_ == Type::kString; }
  bool IsArray() const { return type_ == Type::kArray; }
  bool IsObject() const { return type_ == Type::kObject; }

  // Accessors for the matching type; calling one for another type is a
  // programming error (it returns a default value).
  bool AsBool() const { return bool_; }
  double AsDouble() const;
  // The number when it is written as an integer (no fraction or exponent)
  // that fits in int64_t.
  std::optional<int64_t> AsInt64() const;
  const std::string& AsString() const { return text_; }  // kString: the value
  const std::string& NumberText() const { return text_; }  // kNumber: as written
  const std::vector<JsonValue>& AsArray() const { return array_; }
  const std::vector<JsonMember>& AsObject() const { return members_; }

  // The member named `key` of an object, or nullptr.
  const JsonValue* Find(std::string_view key) const;

  // Byte offset of the value's first character in the parsed text.
  uint32_t offset() const { return offset_; }

  // "null", "a boolean", "a number", "a string", "an array", "an object".
  static std::string_view TypeName(Type type);

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  uint32_t offset_ = 0;
  std::string text_;
  std::vector<JsonValue> array_;
  std::vector<JsonMember> members_;
};

struct JsonMember {
  std::string name;
  JsonValue value;
};

struct JsonReadLimits {
  // Arrays and objects nested in each other; the reader recurses once per level.
  uint32_t max_depth = 64;
  // Bytes of input (a rule model of thousands of rules is a few megabytes).
  size_t max_size = 64u << 20;
};

// Parses one JSON text. The error message reads "line L, column C: ...".
Result<JsonValue> ParseJson(std::string_view text, const JsonReadLimits& limits = {});

// "line L, column C" of a byte offset of `text` (columns count characters).
std::string JsonPosition(std::string_view text, uint32_t offset);

}  // namespace sievekit
