// BodyStrings: the strings a `body` test matches its keys against (RFC 5173
// §5), one at a time, in message order, computed only as far as the test
// reads them (a match on the first part decodes nothing else).
//
//   :raw      the body as it is in the message: one string (§5.1).
//   :content  every MIME part whose type one of the content types selects
//             (mail::ContentTypeMatches, §5.2), searched recursively: a
//             multipart gives its preamble and its epilogue, two strings; a
//             message/rfc822 part the header of the nested message, one
//             string; any other part its content, transfer encoding undone
//             and, for text/*, converted to UTF-8.
//   :text     the text of every text/* part, decoded and converted to UTF-8,
//             with the markup of text/html stripped (§5.3, HtmlToText).
//
// A container past the MIME depth limit (mail::MessageLimits) is not
// opened: a multipart gives two empty sections, a message/rfc822 part an
// empty header. A message without the empty line after its header has no
// body strings at all (§4). Decoding and conversion are cached by mail::Message; stripped
// HTML by BodyTextCache. Views stay valid until the message is parsed again
// or the cache cleared.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"

namespace sievekit::extensions::body {

enum class BodyTransform : uint8_t { kRaw, kContent, kText };

// What :text makes of the text/html parts of one message, by part.
class BodyTextCache {
 public:
  // Forgets the texts (keeping their buffers) for the next message.
  void Clear();
  // The text of the text/html part `part` of `message`.
  std::string_view Html(mail::Message& message, uint32_t part);

 private:
  std::vector<std::string> texts_;
  std::vector<uint8_t> done_;
};

class BodyStrings {
 public:
  // `content_types` (for :content) must outlive the object; `cache` is
  // used by :text.
  BodyStrings(mail::Message& message, BodyTransform transform,
              std::span<const std::string_view> content_types, BodyTextCache* cache)
      : message_(message), transform_(transform), content_types_(content_types), cache_(cache) {}

  // The next string; false when there is none left.
  bool Next(std::string_view* out);

 private:
  bool Selected(const mail::MimePart& part) const;

  mail::Message& message_;
  BodyTransform transform_;
  std::span<const std::string_view> content_types_;
  BodyTextCache* cache_;
  uint32_t next_part_ = 0;
  uint32_t epilogue_of_ = mail::kNoPart;  // a multipart whose epilogue comes next
  bool done_ = false;
};

}  // namespace sievekit::extensions::body
