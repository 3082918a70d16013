// Layout of Doc documents: the classic "does this group fit?" algorithm.
#include "parser/doc.h"

#include "common/utf8.h"

namespace sievekit::syntax {

Doc Doc::Text(std::string text) {
  Doc d(Kind::kText);
  d.text_ = std::move(text);
  return d;
}

Doc Doc::Verbatim(std::string text) {
  Doc d(Kind::kVerbatim);
  d.has_hard_break_ = text.find('\n') != std::string::npos;
  d.text_ = std::move(text);
  return d;
}

Doc Doc::Group(Doc inner) {
  Doc d(Kind::kGroup);
  d.has_hard_break_ = inner.has_hard_break_ || inner.kind_ == Kind::kHardLine;
  d.children_.push_back(std::move(inner));
  return d;
}

Doc Doc::Nest(Doc inner) {
  Doc d(Kind::kNest);
  d.has_hard_break_ = inner.has_hard_break_ || inner.kind_ == Kind::kHardLine;
  d.children_.push_back(std::move(inner));
  return d;
}

Doc& Doc::operator+=(Doc other) {
  if (kind_ != Kind::kConcat) {
    Doc self = std::move(*this);
    *this = Doc();
    children_.push_back(std::move(self));
    has_hard_break_ = children_.back().has_hard_break_ || children_.back().kind_ == Kind::kHardLine;
  }
  has_hard_break_ = has_hard_break_ || other.has_hard_break_ || other.kind_ == Kind::kHardLine;
  children_.push_back(std::move(other));
  return *this;
}

class DocRenderer {
 public:
  DocRenderer(int width, std::string_view indent_unit, std::string_view newline)
      : width_(width), indent_unit_(indent_unit), newline_(newline) {}

  std::string Run(const Doc& doc) {
    stack_.push_back({0, false, &doc});
    while (!stack_.empty()) {
      const Item item = stack_.back();
      stack_.pop_back();
      Emit(item);
    }
    return std::move(out_);
  }

 private:
  struct Item {
    int indent;
    bool flat;
    const Doc* doc;
  };

  void Newline(int indent) {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
    out_ += newline_;
    for (int i = 0; i < indent; ++i) out_ += indent_unit_;
    column_ = indent * static_cast<int>(indent_unit_.size());
  }

  void Emit(const Item& item) {
    const Doc& d = *item.doc;
    switch (d.kind_) {
      case Doc::Kind::kText:
        out_ += d.text_;
        column_ += static_cast<int>(utf8::CountCharacters(d.text_));
        break;
      case Doc::Kind::kVerbatim: {
        out_ += d.text_;
        const size_t last = d.text_.rfind('\n');
        column_ = last == std::string::npos
                      ? column_ + static_cast<int>(utf8::CountCharacters(d.text_))
                      : static_cast<int>(utf8::CountCharacters(d.text_.substr(last + 1)));
        break;
      }
      case Doc::Kind::kLine:
        if (item.flat) {
          out_ += ' ';
          ++column_;
        } else {
          Newline(item.indent);
        }
        break;
      case Doc::Kind::kSoftLine:
        if (!item.flat) Newline(item.indent);
        break;
      case Doc::Kind::kHardLine:
        Newline(item.indent);
        break;
      case Doc::Kind::kNest:
        stack_.push_back({item.indent + 1, item.flat, &d.children_.front()});
        break;
      case Doc::Kind::kGroup: {
        const Doc& inner = d.children_.front();
        const bool flat = item.flat || (!d.has_hard_break_ && Fits(inner, width_ - column_));
        stack_.push_back({item.indent, flat, &inner});
        break;
      }
      case Doc::Kind::kConcat:
        for (auto it = d.children_.rbegin(); it != d.children_.rend(); ++it) {
          stack_.push_back({item.indent, item.flat, &*it});
        }
        break;
    }
  }

  // Whether `doc` laid out flat takes at most `remaining` columns.
  static bool Fits(const Doc& doc, int remaining) {
    std::vector<const Doc*> work{&doc};
    while (!work.empty() && remaining >= 0) {
      const Doc* d = work.back();
      work.pop_back();
      switch (d->kind_) {
        case Doc::Kind::kText:
          remaining -= static_cast<int>(utf8::CountCharacters(d->text_));
          break;
        case Doc::Kind::kVerbatim:
        case Doc::Kind::kHardLine:
          return false;
        case Doc::Kind::kLine:
          remaining -= 1;
          break;
        case Doc::Kind::kSoftLine:
          break;
        case Doc::Kind::kGroup:
        case Doc::Kind::kNest:
        case Doc::Kind::kConcat:
          for (const Doc& child : d->children_) work.push_back(&child);
          break;
      }
    }
    return remaining >= 0;
  }

  int width_;
  std::string_view indent_unit_;
  std::string_view newline_;
  std::string out_;
  int column_ = 0;
  std::vector<Item> stack_;
};

std::string Doc::Render(int width, std::string_view indent_unit, std::string_view newline) const {
  return DocRenderer(width, indent_unit, newline).Run(*this);
}

}  // namespace sievekit::syntax
