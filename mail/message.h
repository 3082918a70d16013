// Message: a reusable, zero-copy, lazily decoded view of one RFC 5322
// message, the input of every Sieve test.
//
// Parse(bytes) splits the header section into fields and indexes them by
// name; nothing else happens until asked. Unfolded and decoded values,
// address lists and the MIME tree are computed on first request and cached
// for the rest of the message. The Message never copies the bytes (the caller
// keeps them alive until the next Parse) and reuses all its buffers, so once
// warm, parsing and evaluating another message does not allocate. Views it
// returns stay valid until the next Parse or the Message's destruction.
//
// Lazy accessors are non-const because they fill caches; a Message is not
// thread-safe — use one per thread. Malformed input never fails: see
// ScanHeaderSection for header lines, AddressParser for addresses, MimeTree
// for structure, and MessageLimits for what is cut and flagged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mail/address.h"
#include "mail/header_fields.h"
#include "mail/header_index.h"
#include "mail/header_values.h"
#include "mail/message_limits.h"
#include "mail/mime.h"
#include "mail/workspace.h"

namespace sievekit::mail {

class Message {
 public:
  explicit Message(const MessageLimits& limits = MessageLimits());
  Message(const Message&) = delete;
  Message& operator=(const Message&) = delete;
  Message(Message&&) = default;
  Message& operator=(Message&&) = default;

  // Forgets the previous message (keeping every buffer) and reads the header
  // section of bytes, which must outlive the next Parse.
  void Parse(std::string_view bytes);

  const MessageLimits& limits() const { return limits_; }

  // --- Whole message -------------------------------------------------------
  std::string_view bytes() const { return bytes_; }
  // Every byte given to Parse (an mbox From line included).
  size_t size() const { return bytes_.size(); }
  // The size the message has on the wire, where every line ends in CRLF: a
  // bare LF counts as two octets. This is what RFC 5228's `size` test
  // measures — a message stored with LF line endings must not look smaller
  // than the one that was sent. Computed on first use.
  size_t wire_size();
  // Whether wire_size() > limit, resp. < limit: the same answers, counting
  // line ends only until they decide (a size test of a rule set rarely
  // needs the whole message scanned). The count so far is kept for later
  // questions about the same message.
  bool WireSizeAbove(size_t limit) { return CompareWireSize(limit) > 0; }
  bool WireSizeBelow(size_t limit) { return CompareWireSize(limit) < 0; }
  // The header section, up to (without) the empty line; everything when there
  // is no empty line.
  std::string_view header_bytes() const { return bytes_.substr(0, scan_.header_end); }
  // The body after the empty line; empty when there is none.
  std::string_view body() const { return bytes_.substr(scan_.body_begin); }
  // True when an empty line separates header and body (the body may be empty).
  bool has_body() const { return scan_.has_body; }
  // What the header scan met: mbox From line, malformed lines, dropped and
  // truncated fields.
  const HeaderScanResult& header_scan() const { return scan_; }

  // --- Header fields -------------------------------------------------------
  // All recorded fields in message order.
  std::span<const HeaderField> fields() const { return fields_; }
  // The fields named name (ASCII case-insensitive), in message order.
  FieldRange FieldsNamed(std::string_view name) const { return index_.Find(name); }
  // The same with key == HeaderIndex::KeyOf(name), computed beforehand.
  FieldRange FieldsNamed(std::string_view name, const HeaderIndex::NameKey& key) const {
    return index_.Find(name, key);
  }
  // True when at least one field is named name.
  bool HasField(std::string_view name) const { return !index_.Find(name).empty(); }

  // Values of a field of this message or of one of its MIME parts; computed
  // once per field and cached.
  std::string_view RawValue(const HeaderField& field) const { return field.raw_value(); }
  std::string_view Unfolded(const HeaderField& field) {
    return HeaderValues::Unfolded(field, &workspace_);
  }
  std::string_view Decoded(const HeaderField& field) {
    return HeaderValues::Decoded(field, &workspace_);
  }
  std::span<const Address> Addresses(const HeaderField& field) {
    return HeaderValues::Addresses(field, &workspace_);
  }

  // --- MIME ------------------------------------------------------------------
  // The MIME tree, built on first use.
  const MimeTree& Mime();
  // Header fields of a MIME part (part 0: the message's fields).
  std::span<const HeaderField> PartFields(uint32_t part);
  // The part's transfer-decoded content, and that content as UTF-8 text (see
  // MimeTree::Content and MimeTree::Text); part < Mime().parts().size().
  std::string_view PartContent(uint32_t part);
  std::string_view PartText(uint32_t part);

  // --- Envelope paths -------------------------------------------------------
  // Parses an envelope path (Envelope::mail_from, ...) into this message's
  // arena, valid until the next Parse. The same text asked again for this
  // message is parsed once (every envelope test of a script asks).
  EnvelopePath ParseEnvelopePath(std::string_view path);

  // Bytes of computed strings held for the current message (for tests and
  // benchmarks checking that nothing grows without need).
  size_t arena_bytes_used() const { return workspace_.arena.bytes_used(); }

  // --- Identity, for caches of derived values -------------------------------
  // A number no other Parse of any Message in this process has had: values
  // derived from this message's views may be cached under it.
  uint64_t generation() const { return generation_; }
  // Whether `text` is a view into the message bytes or into a value computed
  // for this message (decoded values, address parts, MIME text): such views
  // stay valid and unchanged until the next Parse. Empty views are not.
  bool Owns(std::string_view text) const;

 private:
  MessageLimits limits_;
  std::string_view bytes_;
  HeaderScanResult scan_;
  // The sign of wire_size() - limit, counting from where the last count
  // stopped.
  int CompareWireSize(size_t limit);

  size_t wire_size_ = SIZE_MAX;  // SIZE_MAX: not computed yet
  size_t counted_to_ = 0;        // bare LFs before this offset are in bare_lf_
  size_t bare_lf_ = 0;
  uint64_t generation_ = 0;
  std::vector<HeaderField> fields_;
  HeaderIndex index_;
  MimeTree mime_;
  Workspace workspace_;
  // ParseEnvelopePath's results for this message: the path text (copied to
  // the arena, as the caller may change its string) and what it gave.
  struct ParsedPath {
    std::string_view text;
    EnvelopePath path;
  };
  static constexpr size_t kMaxParsedPaths = 8;
  std::vector<ParsedPath> parsed_paths_;
};

}  // namespace sievekit::mail
