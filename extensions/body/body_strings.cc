// Walking the MIME tree for the body transforms. The tree stores parts
// depth-first, so a forward scan over the part indexes is the recursive
// search of RFC 5173 §5.2 in message order.
#include "extensions/body/body_strings.h"

#include <algorithm>

#include "extensions/body/html_text.h"

namespace sievekit::extensions::body {

void BodyTextCache::Clear() { std::fill(done_.begin(), done_.end(), uint8_t{0}); }

std::string_view BodyTextCache::Html(mail::Message& message, uint32_t part) {
  if (part >= done_.size()) {
    const size_t parts = message.Mime().parts().size();
    done_.resize(std::max<size_t>(parts, part + size_t{1}), 0);
    if (texts_.size() < done_.size()) texts_.resize(done_.size());
  }
  if (done_[part] == 0) {
    HtmlToText(message.PartText(part), &texts_[part]);
    done_[part] = 1;
  }
  return texts_[part];
}

bool BodyStrings::Selected(const mail::MimePart& part) const {
  for (std::string_view spec : content_types_) {
    if (mail::ContentTypeMatches(part, spec)) return true;
  }
  return false;
}

bool BodyStrings::Next(std::string_view* out) {
  if (done_) return false;
  // §4: a header not followed by an empty line leaves nothing to match,
  // not even an empty string.
  if (!message_.has_body()) {
    done_ = true;
    return false;
  }
  if (transform_ == BodyTransform::kRaw) {
    *out = message_.body();
    done_ = true;
    return true;
  }
  const mail::MimeTree& tree = message_.Mime();
  if (epilogue_of_ != mail::kNoPart) {
    *out = tree.part(epilogue_of_).epilogue;
    epilogue_of_ = mail::kNoPart;
    return true;
  }
  while (next_part_ < tree.parts().size()) {
    const uint32_t index = next_part_++;
    const mail::MimePart& part = tree.part(index);
    if (transform_ == BodyTransform::kText) {
      if (!part.is_text()) continue;
      *out = part.subtype == "html" ? cache_->Html(message_, index) : message_.PartText(index);
      return true;
    }
    if (!Selected(part)) continue;
    switch (part.kind) {
      case mail::MimePart::Kind::kMultipart:
        // §5.2: "only the prologue and epilogue sections ... as separate
        // strings"; the nested parts are searched on their own types.
        *out = part.preamble;
        epilogue_of_ = index;
        return true;
      case mail::MimePart::Kind::kMessage:
        // §5.2: "only the header of the nested message ... as a single
        // string". Its root part follows this one in the tree (absent only
        // when the part limit cut it off).
        *out = part.child_count > 0 ? tree.part(index + 1).header : std::string_view();
        return true;
      case mail::MimePart::Kind::kLeaf:
        if (part.has(mail::MimePart::kDepthLimit)) {
          // A container the MIME depth limit left unopened: it keeps the
          // shape §5.2 gives it (two sections, or one header) but nothing
          // past the limit is read, so no boundary or nested header leaks
          // into what is searched.
          *out = std::string_view();
          if (part.type == "multipart") epilogue_of_ = index;
          return true;
        }
        // §5.2: "the entire part ... as a single string", decoded; text is
        // converted to UTF-8.
        *out = part.type == "text" ? message_.PartText(index) : message_.PartContent(index);
        return true;
    }
  }
  done_ = true;
  return false;
}

}  // namespace sievekit::extensions::body
