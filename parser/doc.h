// Doc: a small Wadler-style pretty-printing document, used by the formatter.
//
// A document is text joined by line breaks of three strengths: Line (a space
// when its group fits on the line, a newline otherwise), SoftLine (nothing or
// a newline) and HardLine (always a newline, and the group around it never
// fits). Group marks what is laid out flat or broken as a whole; Nest indents
// what it contains by one level after each newline. Verbatim text is copied
// as is, newlines included, and never indented (multi-line strings).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sievekit::syntax {

class Doc {
 public:
  enum class Kind : uint8_t { kText, kVerbatim, kLine, kSoftLine, kHardLine, kGroup, kNest, kConcat };

  Doc() : kind_(Kind::kConcat) {}
  static Doc Text(std::string text);
  static Doc Verbatim(std::string text);
  static Doc Line() { return Doc(Kind::kLine); }
  static Doc SoftLine() { return Doc(Kind::kSoftLine); }
  static Doc HardLine() { return Doc(Kind::kHardLine); }
  static Doc Group(Doc inner);
  static Doc Nest(Doc inner);

  // Appends to a concatenation.
  Doc& operator+=(Doc other);
  Doc& operator+=(std::string text) { return *this += Text(std::move(text)); }

  Kind kind() const { return kind_; }
  bool empty() const { return kind_ == Kind::kConcat && children_.empty(); }

  // Lays the document out in `width` columns.
  std::string Render(int width, std::string_view indent_unit, std::string_view newline) const;

 private:
  explicit Doc(Kind kind) : kind_(kind) {}
  friend class DocRenderer;

  Kind kind_;
  bool has_hard_break_ = false;  // a HardLine or Verbatim newline inside
  std::string text_;
  std::vector<Doc> children_;
};

}  // namespace sievekit::syntax
