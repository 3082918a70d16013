// MIME tree construction (recursive over containers, bounded by the depth
// limit) and per-part content decoding.
#include "mail/mime.h"

#include <algorithm>

#include "common/utf8.h"
#include "mail/ascii.h"
#include "mail/charset.h"
#include "mail/header_values.h"

namespace sievekit::mail {
namespace {

// True when line (without its line break) is "--boundary" or "--boundary--",
// followed only by whitespace (RFC 2046 §5.1.1 transport padding). Strict on
// purpose: a longer boundary that merely starts with this one is not a match.
bool IsDelimiterLine(std::string_view line, std::string_view boundary, bool* close) {
  if (line.size() < boundary.size() + 2 || line[0] != '-' || line[1] != '-') return false;
  if (line.substr(2, boundary.size()) != boundary) return false;
  std::string_view rest = line.substr(2 + boundary.size());
  *close = rest.starts_with("--");
  if (*close) rest.remove_prefix(2);
  for (char c : rest) {
    if (!ascii::IsSpace(c)) return false;
  }
  return true;
}

bool IsUtf8Name(std::string_view charset) {
  return ascii::EqualsIgnoreCase(charset, "utf-8") || ascii::EqualsIgnoreCase(charset, "utf8");
}

}  // namespace

void MimeTree::Clear() {
  parts_.clear();
  fields_.clear();
  params_.clear();
  cache_.clear();
  root_fields_ = {};
  built_ = false;
  depth_limited_ = false;
  part_limited_ = false;
}

void MimeTree::Build(std::span<const HeaderField> root_fields, std::string_view root_header,
                     std::string_view root_body, const MessageLimits& limits,
                     Workspace* workspace) {
  Clear();
  limits_ = limits;
  limits_.max_mime_depth = std::min(limits.max_mime_depth, kHardMaxDepth);
  limits_.max_mime_parts = std::max<uint32_t>(limits.max_mime_parts, 1);
  root_fields_ = root_fields;
  MimePart& root = parts_.emplace_back();
  root.header = root_header;
  root.body = root_body;
  root.field_count = static_cast<uint32_t>(root_fields.size());
  BuildPart(0, /*in_digest=*/false, workspace);
  parts_[0].end = static_cast<uint32_t>(parts_.size());
  cache_.assign(parts_.size(), Cache{});
  built_ = true;
}

std::span<const HeaderField> MimeTree::fields(uint32_t index) const {
  if (index == 0) return root_fields_;
  const MimePart& part = parts_[index];
  return std::span<const HeaderField>(fields_).subspan(part.field_begin, part.field_count);
}

std::span<const MimeParameter> MimeTree::params(uint32_t index) const {
  const MimePart& part = parts_[index];
  return std::span<const MimeParameter>(params_).subspan(part.param_begin, part.param_count);
}

std::span<const MimeParameter> MimeTree::disposition_params(uint32_t index) const {
  const MimePart& part = parts_[index];
  return std::span<const MimeParameter>(params_).subspan(part.param_begin + part.param_count,
                                                         part.disposition_param_count);
}

uint32_t MimeTree::FirstChild(uint32_t index) const {
  return parts_[index].child_count > 0 ? index + 1 : kNoPart;
}

uint32_t MimeTree::NextSibling(uint32_t index) const {
  const MimePart& part = parts_[index];
  if (part.parent == kNoPart) return kNoPart;
  return part.end < parts_[part.parent].end ? part.end : kNoPart;
}

void MimeTree::BuildPart(uint32_t index, bool in_digest, Workspace* workspace) {
  // Read everything needed from the header before adding children: adding
  // them grows fields_ and parts_, which moves what spans point to.
  const std::span<const HeaderField> header = fields(index);
  const HeaderField* content_type = FindField(header, "content-type");
  const HeaderField* disposition = FindField(header, "content-disposition");
  const HeaderField* encoding = FindField(header, "content-transfer-encoding");
  const auto param_begin = static_cast<uint32_t>(params_.size());
  ContentHeader type;
  if (content_type != nullptr) {
    type = workspace->content_headers.Parse(HeaderValues::Unfolded(*content_type, workspace),
                                            /*with_subtype=*/true, &workspace->arena,
                                            &workspace->words, &workspace->charsets, &params_);
  }
  const auto param_count = static_cast<uint32_t>(params_.size() - param_begin);
  ContentHeader disposition_type;
  if (disposition != nullptr) {
    disposition_type = workspace->content_headers.Parse(
        HeaderValues::Unfolded(*disposition, workspace), /*with_subtype=*/false, &workspace->arena,
        &workspace->words, &workspace->charsets, &params_);
  }

  MimePart& part = parts_[index];
  part.param_begin = param_begin;
  part.param_count = param_count;
  part.disposition_param_count = static_cast<uint32_t>(params_.size() - param_begin - param_count);
  if (type.valid) {
    part.type = type.type;
    part.subtype = type.subtype;
  } else {
    // RFC 2045 §5.2 and RFC 2046 §5.1.5 defaults.
    part.type = in_digest ? "message" : "text";
    part.subtype = in_digest ? "rfc822" : "plain";
    part.flags |= MimePart::kDefaultType;
    if (content_type != nullptr) part.flags |= MimePart::kInvalidContentType;
  }
  part.encoding = encoding == nullptr
                      ? TransferEncoding::k7Bit
                      : ParseTransferEncoding(HeaderValues::Unfolded(*encoding, workspace));
  if (part.encoding == TransferEncoding::kUnknown) part.flags |= MimePart::kUnknownEncoding;
  part.charset = FindParameter(params(index), "charset");
  if (disposition_type.valid) part.disposition = disposition_type.type;
  part.filename = FindParameter(disposition_params(index), "filename");
  if (part.filename.empty()) part.filename = FindParameter(params(index), "name");

  const bool container =
      part.type == "multipart" ||
      (part.type == "message" && (part.subtype == "rfc822" || part.subtype == "global"));
  if (!container) return;
  if (part.depth >= limits_.max_mime_depth) {
    part.flags |= MimePart::kDepthLimit;
    depth_limited_ = true;
    return;
  }
  if (part.type == "multipart") {
    part.boundary = FindParameter(params(index), "boundary");
    SplitMultipart(index, workspace);
    return;
  }
  std::string_view nested = part.body;
  if (part.encoding == TransferEncoding::kBase64 ||
      part.encoding == TransferEncoding::kQuotedPrintable) {
    // RFC 2046 forbids it, but it happens: decode, then parse the result.
    workspace->scratch.clear();
    if (part.encoding == TransferEncoding::kBase64) {
      DecodeBase64(nested, &workspace->scratch);
    } else {
      DecodeQuotedPrintable(nested, &workspace->scratch);
    }
    nested = workspace->arena.Store(workspace->scratch);
    part.flags |= MimePart::kEncodedMessage;
  }
  part.kind = MimePart::Kind::kMessage;
  if (!AddChild(index, nested, /*headerless_allowed=*/false, /*in_digest=*/false, workspace)) {
    parts_[index].flags |= MimePart::kPartLimit;
  }
}

void MimeTree::SplitMultipart(uint32_t index, Workspace* workspace) {
  const std::string_view body = parts_[index].body;
  const std::string_view boundary = parts_[index].boundary;
  const bool digest = parts_[index].subtype == "digest";
  const auto no_boundary = [&] {
    MimePart& part = parts_[index];
    part.flags |= MimePart::kNoBoundary;
    part.type = "text";
    part.subtype = "plain";
  };
  if (boundary.empty()) {
    no_boundary();
    return;
  }
  const auto add = [&](std::string_view bytes) {
    if (!AddChild(index, bytes, /*headerless_allowed=*/true, digest, workspace)) {
      parts_[index].flags |= MimePart::kPartLimit;
    }
  };
  size_t segment_begin = std::string_view::npos;  // start of the current part
  bool found = false;
  bool closed = false;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t line_end = body.find('\n', pos);
    const size_t next = line_end == std::string_view::npos ? body.size() : line_end + 1;
    if (line_end == std::string_view::npos) line_end = body.size();
    bool close = false;
    if (body[pos] == '-' && IsDelimiterLine(body.substr(pos, line_end - pos), boundary, &close)) {
      // The line break before a delimiter belongs to the delimiter.
      size_t content_end = pos;
      if (content_end > 0 && body[content_end - 1] == '\n') --content_end;
      if (content_end > 0 && body[content_end - 1] == '\r') --content_end;
      if (!found) {
        parts_[index].preamble = body.substr(0, content_end);
      } else {
        content_end = std::max(content_end, segment_begin);
        add(body.substr(segment_begin, content_end - segment_begin));
      }
      found = true;
      if (close) {
        parts_[index].epilogue = body.substr(next);
        closed = true;
        break;
      }
      segment_begin = next;
    }
    pos = next;
  }
  if (!found) {
    no_boundary();
    return;
  }
  parts_[index].kind = MimePart::Kind::kMultipart;
  if (!closed) {
    add(body.substr(std::min(segment_begin, body.size())));
    parts_[index].flags |= MimePart::kMissingCloseBoundary;
  }
}

bool MimeTree::AddChild(uint32_t parent, std::string_view bytes, bool headerless_allowed,
                        bool in_digest, Workspace* workspace) {
  if (parts_.size() >= limits_.max_mime_parts) {
    part_limited_ = true;
    return false;
  }
  const auto child = static_cast<uint32_t>(parts_.size());
  const auto field_begin = static_cast<uint32_t>(fields_.size());
  HeaderScanOptions options;
  options.headerless_if_first_line_malformed = headerless_allowed;
  options.max_fields = limits_.max_header_fields;
  options.max_field_size = limits_.max_header_field_size;
  const HeaderScanResult scan = ScanHeaderSection(bytes, options, &fields_);

  MimePart& part = parts_.emplace_back();
  part.parent = parent;
  part.depth = parts_[parent].depth + 1;
  part.field_begin = field_begin;
  part.field_count = static_cast<uint32_t>(fields_.size() - field_begin);
  part.header = bytes.substr(0, scan.header_end);
  part.body = scan.has_body ? bytes.substr(scan.body_begin) : std::string_view();
  if (scan.has_body && scan.body_begin == 0 && !bytes.empty()) part.flags |= MimePart::kNoHeader;
  ++parts_[parent].child_count;
  BuildPart(child, in_digest, workspace);
  parts_[child].end = static_cast<uint32_t>(parts_.size());
  return true;
}

std::string_view MimeTree::Content(uint32_t index, Workspace* workspace) {
  Cache& cache = cache_[index];
  if (!cache.content_done) {
    const MimePart& part = parts_[index];
    cache.content = part.body;
    if (part.kind == MimePart::Kind::kLeaf &&
        (part.encoding == TransferEncoding::kBase64 ||
         part.encoding == TransferEncoding::kQuotedPrintable)) {
      workspace->scratch.clear();
      cache.damaged = part.encoding == TransferEncoding::kBase64
                          ? DecodeBase64(part.body, &workspace->scratch)
                          : DecodeQuotedPrintable(part.body, &workspace->scratch);
      cache.content = workspace->arena.Store(workspace->scratch);
    }
    cache.content_done = true;
  }
  return cache.content;
}

std::string_view MimeTree::Text(uint32_t index, Workspace* workspace) {
  if (!cache_[index].text_done) {
    const std::string_view content = Content(index, workspace);
    const std::string_view charset = parts_[index].charset;
    std::string_view text = content;
    const bool declared =
        !charset.empty() && !IsAsciiCharsetName(charset) && workspace->charsets.IsKnown(charset);
    if (!declared) {
      if (!ascii::IsAllAscii(content) && !utf8::IsValid(content)) {
        workspace->scratch.clear();
        AppendUtf8WithFallback(content, &workspace->scratch);
        text = workspace->arena.Store(workspace->scratch);
      }
    } else if (!(IsUtf8Name(charset) && utf8::IsValid(content))) {
      workspace->scratch.clear();
      workspace->charsets.ToUtf8(charset, content, &workspace->scratch);
      text = workspace->arena.Store(workspace->scratch);
    }
    cache_[index].text = text;
    cache_[index].text_done = true;
  }
  return cache_[index].text;
}

bool ContentTypeMatches(const MimePart& part, std::string_view spec) {
  if (spec.empty()) return true;
  const size_t slash = spec.find('/');
  if (slash == std::string_view::npos) return ascii::EqualsIgnoreCase(part.type, spec);
  if (slash == 0 || slash + 1 == spec.size() ||
      spec.find('/', slash + 1) != std::string_view::npos) {
    return false;
  }
  return ascii::EqualsIgnoreCase(part.type, spec.substr(0, slash)) &&
         ascii::EqualsIgnoreCase(part.subtype, spec.substr(slash + 1));
}

bool HasAttachment(const MimeTree& tree) {
  for (const MimePart& part : tree.parts()) {
    if (part.is_attachment()) return true;
  }
  return false;
}

}  // namespace sievekit::mail
