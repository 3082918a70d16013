// JSON string escaping and comma bookkeeping for JsonWriter.
#include "common/json_writer.h"

#include <cstring>

#include <fmt/format.h>

#include "common/utf8.h"

namespace sievekit {

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_in_scope_.empty()) {
    if (!first_in_scope_.back()) out_ += ',';
    first_in_scope_.back() = false;
  }
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  first_in_scope_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  first_in_scope_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  first_in_scope_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  first_in_scope_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view name) {
  BeforeValue();
  AppendQuoted(name, &out_);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(value, &out_);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  out_ += fmt::format("{}", value);
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  out_ += fmt::format("{}", value);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
  return *this;
}

std::string JsonWriter::Quote(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  AppendQuoted(value, &out);
  return out;
}

void JsonWriter::AppendQuoted(std::string_view value, std::string* out) {
  // Most strings (keys, types, mailboxes, addresses) need no escape: they
  // go out in one append.
  size_t plain = 0;
  while (plain < value.size()) {
    const auto c = static_cast<unsigned char>(value[plain]);
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') break;
    ++plain;
  }
  if (plain == value.size()) {
    const size_t at = out->size();
    out->resize(at + value.size() + 2);
    char* p = out->data() + at;
    *p++ = '"';
    if (!value.empty()) std::memcpy(p, value.data(), value.size());
    p[value.size()] = '"';
    return;
  }
  *out += '"';
  size_t i = 0;
  while (i < value.size()) {
    // Printable ASCII other than the two that need escaping goes through in
    // runs (a filter writes thousands of these strings).
    size_t run = i;
    while (run < value.size()) {
      const auto c = static_cast<unsigned char>(value[run]);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') break;
      ++run;
    }
    out->append(value.data() + i, run - i);
    i = run;
    if (i == value.size()) break;
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      const size_t length = utf8::SequenceLength(value.substr(i));
      if (length == 0) {
        *out += "\\ufffd";
        ++i;
      } else {
        out->append(value.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      default:
        *out += fmt::format("\\u{:04x}", c);  // other controls and DEL
    }
    ++i;
  }
  *out += '"';
}

}  // namespace sievekit
