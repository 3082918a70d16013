// JsonWriter: a small streaming writer for the JSON that sievec prints
// (diagnostics, actions, rule models). It escapes strings per RFC 8259,
// writing non-ASCII UTF-8 as is and invalid bytes as U+FFFD, and inserts
// commas itself. It does not pretty-print and does not parse.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // Inside an object: the member name of the next value.
  JsonWriter& Key(std::string_view name);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Uint(uint64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A value already in JSON form (from another writer), inserted as is.
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }
  // Starts a new document, keeping the buffers (a writer reused for one
  // line per message does not allocate once warm).
  void Clear() {
    out_.clear();
    first_in_scope_.clear();
    after_key_ = false;
  }

  // The quoted, escaped JSON form of one string.
  static std::string Quote(std::string_view value);
  // Quote(value), appended to *out.
  static void AppendQuoted(std::string_view value, std::string* out);

 private:
  void BeforeValue();
  std::string out_;
  std::vector<bool> first_in_scope_;  // one entry per open object/array
  bool after_key_ = false;
};

}  // namespace sievekit
