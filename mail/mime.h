// MimeTree: the MIME structure of a message (RFC 2045, RFC 2046) for the body
// extension (RFC 5173), the mime extension (RFC 5703) and "has attachment".
//
// Parts are stored depth-first: part 0 is the message itself, a part's
// descendants follow it up to MimePart::end. Multiparts are split at their
// boundary delimiter lines (preamble and epilogue kept); message/rfc822 and
// message/global bodies become one child, the nested message's root part.
// Broken structure is handled, never rejected: a missing closing delimiter
// ends the last part at the end of its parent; a multipart without a
// boundary, or whose boundary never occurs, is read as one text/plain part; a
// container past MessageLimits::max_mime_depth stays a leaf; parts past
// max_mime_parts are not recorded. Each case is flagged on the part.
//
// Building is lazy (Message builds it on first use) and zero-copy: views
// point into the message, except the bodies of message/rfc822 parts that were
// themselves transfer-encoded, which are decoded into the arena first.
// Decoded content is computed per part on request and cached.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mail/content_type.h"
#include "mail/header_fields.h"
#include "mail/message_limits.h"
#include "mail/transfer_decoding.h"
#include "mail/workspace.h"

namespace sievekit::mail {

inline constexpr uint32_t kNoPart = UINT32_MAX;

struct MimePart {
  enum class Kind : uint8_t {
    kLeaf,       // content
    kMultipart,  // children split at boundaries
    kMessage,    // one child: the encapsulated message
  };
  enum Flag : uint16_t {
    kDefaultType = 1 << 0,           // no usable Content-Type: the default applies
    kInvalidContentType = 1 << 1,    // a Content-Type was present but unparsable
    kNoBoundary = 1 << 2,            // multipart without usable boundary: text/plain
    kMissingCloseBoundary = 1 << 3,  // the closing delimiter never came
    kDepthLimit = 1 << 4,            // a container at the depth limit, kept as a leaf
    kPartLimit = 1 << 5,             // some children were not recorded
    kUnknownEncoding = 1 << 6,       // unrecognised Content-Transfer-Encoding
    kNoHeader = 1 << 7,              // the part starts with content, not fields
    kEncodedMessage = 1 << 8,        // message/rfc822 body was transfer-encoded
  };

  Kind kind = Kind::kLeaf;
  uint32_t parent = kNoPart;
  uint32_t end = 0;  // one past the last descendant
  uint32_t depth = 0;
  uint32_t child_count = 0;
  uint16_t flags = 0;
  TransferEncoding encoding = TransferEncoding::k7Bit;

  std::string_view header;    // the part's header bytes
  std::string_view body;      // the part's body bytes, still transfer-encoded
  std::string_view preamble;  // multipart: text before the first delimiter
  std::string_view epilogue;  // multipart: text after the closing delimiter

  // The effective media type, lowercase: the declared one, or the default
  // (text/plain; message/rfc822 inside multipart/digest), or text/plain for
  // a multipart without boundary.
  std::string_view type;
  std::string_view subtype;
  std::string_view charset;      // the charset parameter as written, maybe empty
  std::string_view boundary;     // multipart: the boundary parameter
  std::string_view disposition;  // lowercase Content-Disposition type, maybe empty
  // The decoded filename: Content-Disposition "filename", else Content-Type
  // "name"; empty when neither is given.
  std::string_view filename;

  uint32_t field_begin = 0;  // header fields (see MimeTree::fields)
  uint32_t field_count = 0;
  uint32_t param_begin = 0;  // Content-Type parameters, then disposition ones
  uint32_t param_count = 0;
  uint32_t disposition_param_count = 0;

  bool has(Flag flag) const { return (flags & flag) != 0; }
  bool is_text() const { return kind == Kind::kLeaf && type == "text"; }
  // Content-Disposition "attachment", or a filename given either way.
  bool is_attachment() const { return disposition == "attachment" || !filename.empty(); }
};

class MimeTree {
 public:
  // Forgets the tree; keeps capacity.
  void Clear();

  // Builds the tree of a message whose header fields (kept by the caller,
  // who must keep them alive) are root_fields. Replaces any previous tree.
  void Build(std::span<const HeaderField> root_fields, std::string_view root_header,
             std::string_view root_body, const MessageLimits& limits, Workspace* workspace);

  bool built() const { return built_; }
  std::span<const MimePart> parts() const { return parts_; }
  const MimePart& part(uint32_t index) const { return parts_[index]; }
  // The part's header fields (part 0: the message's).
  std::span<const HeaderField> fields(uint32_t index) const;
  // Content-Type parameters of the part.
  std::span<const MimeParameter> params(uint32_t index) const;
  // Content-Disposition parameters of the part.
  std::span<const MimeParameter> disposition_params(uint32_t index) const;

  // Children of a part: FirstChild, then NextSibling until kNoPart.
  uint32_t FirstChild(uint32_t index) const;
  uint32_t NextSibling(uint32_t index) const;

  // True when any part hit the depth or part-count limit.
  bool depth_limited() const { return depth_limited_; }
  bool part_limited() const { return part_limited_; }

  // The part's body with the transfer encoding undone (containers: the raw
  // body). Cached; damaged_bytes tells how many bytes decoding had to skip or
  // keep as they were.
  std::string_view Content(uint32_t index, Workspace* workspace);
  size_t damaged_bytes(uint32_t index) const { return cache_[index].damaged; }
  // Content converted to UTF-8 from the part's charset: a declared charset
  // ICU knows is honoured (invalid bytes become U+FFFD); no charset, US-ASCII
  // or an unknown one is read with AppendUtf8WithFallback. Meant for text/*
  // parts, applied to any part that asks. Cached.
  std::string_view Text(uint32_t index, Workspace* workspace);

  // Depth beyond which the recursive builder never goes, whatever the limits
  // say, to protect the stack.
  static constexpr uint32_t kHardMaxDepth = 256;

 private:
  struct Cache {
    bool content_done = false;
    bool text_done = false;
    size_t damaged = 0;
    std::string_view content;
    std::string_view text;
  };

  // Reads the part's header fields and builds its contents.
  void BuildPart(uint32_t index, bool in_digest, Workspace* workspace);
  void SplitMultipart(uint32_t index, Workspace* workspace);
  // Adds a child of parent made of bytes (its header and body); returns false
  // when the part limit is reached.
  bool AddChild(uint32_t parent, std::string_view bytes, bool headerless_allowed, bool in_digest,
                Workspace* workspace);

  std::vector<MimePart> parts_;
  std::vector<HeaderField> fields_;
  std::vector<MimeParameter> params_;
  std::vector<Cache> cache_;
  std::span<const HeaderField> root_fields_;
  MessageLimits limits_;
  bool built_ = false;
  bool depth_limited_ = false;
  bool part_limited_ = false;
};

// RFC 5173 §5.2: whether a "body :content" type selects the part. "" selects
// every part, "type" any subtype of it, "type/subtype" exactly that; a string
// that starts or ends with "/" or holds two slashes selects nothing. ASCII
// case-insensitive.
bool ContentTypeMatches(const MimePart& part, std::string_view spec);

// True when some part of the tree is an attachment (MimePart::is_attachment),
// the "has attachment" condition of rule editors.
bool HasAttachment(const MimeTree& tree);

}  // namespace sievekit::mail
