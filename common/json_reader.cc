// The strict JSON reader: a recursive-descent parser over RFC 8259's grammar
// (value, object, array, string, number, literal names), one function per
// production, stopping at the first error with its position.
#include "common/json_reader.h"

#include <cerrno>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "common/utf8.h"

namespace sievekit {

JsonValue JsonValue::Null(uint32_t offset) {
  JsonValue v;
  v.offset_ = offset;
  return v;
}

JsonValue JsonValue::Bool(bool value, uint32_t offset) {
  JsonValue v;
  v.type_ = Type::kBool;
  v.bool_ = value;
  v.offset_ = offset;
  return v;
}

JsonValue JsonValue::Number(std::string text, uint32_t offset) {
  JsonValue v;
  v.type_ = Type::kNumber;
  v.text_ = std::move(text);
  v.offset_ = offset;
  return v;
}

JsonValue JsonValue::String(std::string value, uint32_t offset) {
  JsonValue v;
  v.type_ = Type::kString;
  v.text_ = std::move(value);
  v.offset_ = offset;
  return v;
}

JsonValue JsonValue::Array(std::vector<JsonValue> elements, uint32_t offset) {
  JsonValue v;
  v.type_ = Type::kArray;
  v.array_ = std::move(elements);
  v.offset_ = offset;
  return v;
}

JsonValue JsonValue::Object(std::vector<JsonMember> members, uint32_t offset) {
  JsonValue v;
  v.type_ = Type::kObject;
  v.members_ = std::move(members);
  v.offset_ = offset;
  return v;
}

double JsonValue::AsDouble() const {
  if (type_ != Type::kNumber) return 0;
  return std::strtod(text_.c_str(), nullptr);
}

std::optional<int64_t> JsonValue::AsInt64() const {
  if (type_ != Type::kNumber) return std::nullopt;
  if (text_.find_first_of(".eE") != std::string::npos) return std::nullopt;
  int64_t value = 0;
  const char* end = text_.data() + text_.size();
  const auto [ptr, ec] = std::from_chars(text_.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const JsonMember& m : members_) {
    if (m.name == key) return &m.value;
  }
  return nullptr;
}

std::string_view JsonValue::TypeName(Type type) {
  switch (type) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "a boolean";
    case Type::kNumber:
      return "a number";
    case Type::kString:
      return "a string";
    case Type::kArray:
      return "an array";
    case Type::kObject:
      return "an object";
  }
  return "a value";
}

std::string JsonPosition(std::string_view text, uint32_t offset) {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const size_t column = utf8::CountCharacters(text.substr(line_start, offset - line_start)) + 1;
  return fmt::format("line {}, column {}", line, column);
}

namespace {

class Reader {
 public:
  Reader(std::string_view text, const JsonReadLimits& limits) : s_(text), limits_(limits) {}

  Result<JsonValue> Document() {
    if (s_.size() > limits_.max_size) {
      return Error{fmt::format("the JSON text is larger than {} bytes", limits_.max_size)};
    }
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") return Fail(0, "a byte order mark is not JSON");
    SkipWhitespace();
    JsonValue value;
    if (!Value(&value, 0)) return Error{error_};
    SkipWhitespace();
    if (i_ != s_.size()) return Fail(i_, "unexpected text after the JSON value");
    return value;
  }

 private:
  Error Fail(size_t at, std::string_view what) {
    return Error{fmt::format("{}: {}", JsonPosition(s_, static_cast<uint32_t>(at)), what)};
  }
  bool SetError(size_t at, std::string_view what) {
    if (error_.empty()) error_ = Fail(at, what).message;
    return false;
  }
  std::string Describe(size_t at) const {
    if (at >= s_.size()) return "the end of the input";
    const auto c = static_cast<unsigned char>(s_[at]);
    if (c >= 0x20 && c < 0x7F) return fmt::format("'{}'", s_[at]);
    return fmt::format("byte 0x{:02X}", c);
  }

  void SkipWhitespace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }

  bool Value(JsonValue* out, uint32_t depth) {
    if (i_ >= s_.size()) return SetError(i_, "expected a value, found the end of the input");
    const auto at = static_cast<uint32_t>(i_);
    switch (s_[i_]) {
      case '{':
        return ObjectValue(out, depth);
      case '[':
        return ArrayValue(out, depth);
      case '"': {
        std::string text;
        if (!StringToken(&text)) return false;
        *out = JsonValue::String(std::move(text), at);
        return true;
      }
      case 't':
        return Literal("true", JsonValue::Bool(true, at), out);
      case 'f':
        return Literal("false", JsonValue::Bool(false, at), out);
      case 'n':
        return Literal("null", JsonValue::Null(at), out);
      default:
        if (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) return NumberValue(out);
        return SetError(i_, fmt::format("expected a value, found {}", Describe(i_)));
    }
  }

  bool Literal(std::string_view word, JsonValue value, JsonValue* out) {
    if (s_.substr(i_, word.size()) != word) {
      return SetError(i_, fmt::format("expected a value, found {}", Describe(i_)));
    }
    i_ += word.size();
    *out = std::move(value);
    return true;
  }

  bool Digits() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }

  // number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT )
  bool NumberValue(JsonValue* out) {
    const size_t start = i_;
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
      if (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
        return SetError(i_, "a number may not have leading zeros");
      }
    } else if (!Digits()) {
      return SetError(i_, "expected a digit");
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!Digits()) return SetError(i_, "expected a digit after the decimal point");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!Digits()) return SetError(i_, "expected a digit in the exponent");
    }
    *out = JsonValue::Number(std::string(s_.substr(start, i_ - start)), static_cast<uint32_t>(start));
    return true;
  }

  bool Hex4(uint32_t* out) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      if (i_ >= s_.size()) return SetError(i_, "expected four hexadecimal digits after \\u");
      const char c = s_[i_];
      uint32_t d = 0;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        d = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return SetError(i_, "expected four hexadecimal digits after \\u");
      }
      v = (v << 4) | d;
      ++i_;
    }
    *out = v;
    return true;
  }

  bool Escape(std::string* out) {
    const size_t at = i_;
    ++i_;  // the backslash
    if (i_ >= s_.size()) return SetError(at, "unterminated string");
    const char e = s_[i_++];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out->push_back(e);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u': {
        uint32_t cp = 0;
        if (!Hex4(&cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return SetError(at, "a low surrogate \\u escape without a high surrogate before it");
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (s_.substr(i_, 2) != "\\u") {
            return SetError(at, "a high surrogate \\u escape must be followed by a low one");
          }
          i_ += 2;
          uint32_t low = 0;
          if (!Hex4(&low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) {
            return SetError(at, "a high surrogate \\u escape must be followed by a low one");
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        utf8::Encode(static_cast<char32_t>(cp), out);
        return true;
      }
      default:
        return SetError(at, fmt::format("invalid escape '\\{}'", e));
    }
  }

  bool StringToken(std::string* out) {
    const size_t start = i_;
    ++i_;  // the opening quote
    while (true) {
      if (i_ >= s_.size()) return SetError(start, "unterminated string");
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c == '\\') {
        if (!Escape(out)) return false;
        continue;
      }
      if (c < 0x20) return SetError(i_, "a control character must be escaped in a string");
      if (c < 0x80) {
        out->push_back(static_cast<char>(c));
        ++i_;
        continue;
      }
      const size_t n = utf8::SequenceLength(s_.substr(i_));
      if (n == 0) return SetError(i_, "invalid UTF-8 in a string");
      out->append(s_.substr(i_, n));
      i_ += n;
    }
  }

  bool Enter(uint32_t depth) {
    if (depth + 1 > limits_.max_depth) {
      return SetError(i_, fmt::format("nesting deeper than {} levels", limits_.max_depth));
    }
    return true;
  }

  bool ArrayValue(JsonValue* out, uint32_t depth) {
    if (!Enter(depth)) return false;
    const auto at = static_cast<uint32_t>(i_);
    ++i_;
    std::vector<JsonValue> elements;
    SkipWhitespace();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      *out = JsonValue::Array(std::move(elements), at);
      return true;
    }
    while (true) {
      SkipWhitespace();
      JsonValue element;
      if (!Value(&element, depth + 1)) return false;
      elements.push_back(std::move(element));
      SkipWhitespace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        break;
      }
      return SetError(i_, fmt::format("expected ',' or ']', found {}", Describe(i_)));
    }
    *out = JsonValue::Array(std::move(elements), at);
    return true;
  }

  bool ObjectValue(JsonValue* out, uint32_t depth) {
    if (!Enter(depth)) return false;
    const auto at = static_cast<uint32_t>(i_);
    ++i_;
    std::vector<JsonMember> members;
    SkipWhitespace();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      *out = JsonValue::Object(std::move(members), at);
      return true;
    }
    while (true) {
      SkipWhitespace();
      if (i_ >= s_.size() || s_[i_] != '"') {
        return SetError(i_, fmt::format("expected a member name in quotes, found {}", Describe(i_)));
      }
      const size_t name_at = i_;
      std::string name;
      if (!StringToken(&name)) return false;
      for (const JsonMember& m : members) {
        if (m.name == name) {
          return SetError(name_at, fmt::format("duplicate member name \"{}\"", name));
        }
      }
      SkipWhitespace();
      if (i_ >= s_.size() || s_[i_] != ':') {
        return SetError(i_, fmt::format("expected ':' after a member name, found {}", Describe(i_)));
      }
      ++i_;
      SkipWhitespace();
      JsonValue value;
      if (!Value(&value, depth + 1)) return false;
      members.push_back({std::move(name), std::move(value)});
      SkipWhitespace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        break;
      }
      return SetError(i_, fmt::format("expected ',' or '}}', found {}", Describe(i_)));
    }
    *out = JsonValue::Object(std::move(members), at);
    return true;
  }

  std::string_view s_;
  JsonReadLimits limits_;
  size_t i_ = 0;
  std::string error_;
};

}  // namespace

Result<JsonValue> ParseJson(std::string_view text, const JsonReadLimits& limits) {
  return Reader(text, limits).Document();
}

}  // namespace sievekit
