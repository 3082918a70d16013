// Message dump for golden tests. The output must be deterministic (no
// pointers, no hash order, no locale) and change only on purpose.
#include "mail/message_dump.h"

#include <string>

#include "common/utf8.h"

namespace sievekit::mail {
namespace {

void AppendNumber(size_t value, std::string* out) { out->append(std::to_string(value)); }

void AppendFlags(const MimePart& part, std::string* out) {
  static constexpr struct {
    MimePart::Flag flag;
    std::string_view name;
  } kFlags[] = {
      {MimePart::kDefaultType, "default-type"},
      {MimePart::kInvalidContentType, "invalid-content-type"},
      {MimePart::kNoBoundary, "no-boundary"},
      {MimePart::kMissingCloseBoundary, "missing-close-boundary"},
      {MimePart::kDepthLimit, "depth-limit"},
      {MimePart::kPartLimit, "part-limit"},
      {MimePart::kUnknownEncoding, "unknown-encoding"},
      {MimePart::kNoHeader, "no-header"},
      {MimePart::kEncodedMessage, "encoded-message"},
  };
  for (const auto& entry : kFlags) {
    if (part.has(entry.flag)) {
      out->push_back(' ');
      out->append(entry.name);
    }
  }
}

std::string_view KindName(MimePart::Kind kind) {
  switch (kind) {
    case MimePart::Kind::kLeaf:
      return "leaf";
    case MimePart::Kind::kMultipart:
      return "multipart";
    case MimePart::Kind::kMessage:
      return "message";
  }
  return "?";
}

void DumpAddresses(std::span<const Address> addresses, const DumpOptions& options,
                   std::string* out) {
  if (addresses.empty()) {
    out->append("  addresses: none\n");
    return;
  }
  for (size_t i = 0; i < addresses.size(); ++i) {
    const Address& address = addresses[i];
    out->append("  address ");
    AppendNumber(i, out);
    out->append(address.valid ? " valid" : " invalid");
    out->append(" local=");
    AppendQuoted(address.local_part, options.max_value_bytes, out);
    out->append(" domain=");
    AppendQuoted(address.domain, options.max_value_bytes, out);
    out->append(" all=");
    AppendQuoted(address.all, options.max_value_bytes, out);
    if (!address.display_name.empty()) {
      out->append(" name=");
      AppendQuoted(address.display_name, options.max_value_bytes, out);
    }
    if (!address.group.empty()) {
      out->append(" group=");
      AppendQuoted(address.group, options.max_value_bytes, out);
    }
    out->push_back('\n');
  }
}

void DumpFields(Message& message, const DumpOptions& options, std::string* out) {
  const std::span<const HeaderField> fields = message.fields();
  out->append("fields ");
  AppendNumber(fields.size(), out);
  out->push_back('\n');
  for (size_t i = 0; i < fields.size(); ++i) {
    const HeaderField& field = fields[i];
    out->append("[");
    AppendNumber(i, out);
    out->append("] ");
    AppendQuoted(field.name(), options.max_value_bytes, out);
    if (field.truncated()) out->append(" truncated");
    out->append("\n  raw      ");
    AppendQuoted(field.raw_value(), options.max_value_bytes, out);
    out->append("\n  unfolded ");
    AppendQuoted(message.Unfolded(field), options.max_value_bytes, out);
    out->append("\n  decoded  ");
    AppendQuoted(message.Decoded(field), options.max_value_bytes, out);
    out->push_back('\n');
    if (IsAddressHeader(field.name())) DumpAddresses(message.Addresses(field), options, out);
  }
}

void DumpPart(Message& message, uint32_t index, const DumpOptions& options, std::string* out) {
  const MimeTree& tree = message.Mime();
  const MimePart& part = tree.part(index);
  out->append("part ");
  AppendNumber(index, out);
  out->append(" depth ");
  AppendNumber(part.depth, out);
  out->push_back(' ');
  out->append(KindName(part.kind));
  out->push_back(' ');
  out->append(part.type);
  out->push_back('/');
  out->append(part.subtype);
  AppendFlags(part, out);
  out->push_back('\n');
  if (index != 0) {
    for (const HeaderField& field : tree.fields(index)) {
      out->append("  field ");
      AppendQuoted(field.name(), options.max_value_bytes, out);
      out->append(": ");
      AppendQuoted(message.Decoded(field), options.max_value_bytes, out);
      out->push_back('\n');
    }
  }
  for (const MimeParameter& param : tree.params(index)) {
    out->append("  param ");
    AppendQuoted(param.name, options.max_value_bytes, out);
    out->append(" = ");
    AppendQuoted(param.value, options.max_value_bytes, out);
    out->push_back('\n');
  }
  for (const MimeParameter& param : tree.disposition_params(index)) {
    out->append("  disposition-param ");
    AppendQuoted(param.name, options.max_value_bytes, out);
    out->append(" = ");
    AppendQuoted(param.value, options.max_value_bytes, out);
    out->push_back('\n');
  }
  out->append("  encoding ");
  out->append(TransferEncodingName(part.encoding));
  if (!part.charset.empty()) {
    out->append(" charset ");
    AppendQuoted(part.charset, options.max_value_bytes, out);
  }
  if (!part.disposition.empty()) {
    out->append(" disposition ");
    out->append(part.disposition);
  }
  if (!part.filename.empty()) {
    out->append(" filename ");
    AppendQuoted(part.filename, options.max_value_bytes, out);
  }
  if (part.is_attachment()) out->append(" attachment");
  out->push_back('\n');
  switch (part.kind) {
    case MimePart::Kind::kMultipart:
      out->append("  boundary ");
      AppendQuoted(part.boundary, options.max_value_bytes, out);
      out->append(" children ");
      AppendNumber(part.child_count, out);
      out->append(" preamble ");
      AppendNumber(part.preamble.size(), out);
      out->append(" epilogue ");
      AppendNumber(part.epilogue.size(), out);
      out->push_back('\n');
      break;
    case MimePart::Kind::kMessage:
      out->append("  body ");
      AppendNumber(part.body.size(), out);
      out->append(" bytes\n");
      break;
    case MimePart::Kind::kLeaf: {
      const std::string_view content = message.PartContent(index);
      out->append("  content ");
      AppendNumber(content.size(), out);
      out->append(" bytes");
      if (tree.damaged_bytes(index) != 0) {
        out->append(" damaged ");
        AppendNumber(tree.damaged_bytes(index), out);
      }
      out->push_back('\n');
      if (part.is_text()) {
        const std::string_view text = message.PartText(index);
        out->append("  text ");
        AppendNumber(text.size(), out);
        out->append(" bytes ");
        AppendQuoted(text, options.text_prefix_bytes, out);
        out->push_back('\n');
      }
      break;
    }
  }
}

}  // namespace

void AppendQuoted(std::string_view text, size_t max_bytes, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < text.size() && i < max_bytes) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const size_t length = utf8::SequenceLength(text.substr(i));
      // C1 controls (U+0080..U+009F, "\xc2\x80".."\xc2\x9f") are valid UTF-8
      // but invisible; show them as \u0080.
      if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
        out->append("\\u00");
        out->push_back(kHex[(static_cast<unsigned char>(text[i + 1]) >> 4) & 15]);
        out->push_back(kHex[static_cast<unsigned char>(text[i + 1]) & 15]);
        i += 2;
        continue;
      }
      if (length != 0) {
        out->append(text.substr(i, length));
        i += length;
        continue;
      }
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (byte < 0x20 || byte >= 0x7F) {
          out->append("\\x");
          out->push_back(kHex[byte >> 4]);
          out->push_back(kHex[byte & 15]);
        } else {
          out->push_back(c);
        }
    }
    ++i;
  }
  out->push_back('"');
  if (i < text.size()) {
    out->append("...(");
    AppendNumber(text.size(), out);
    out->append(" bytes)");
  }
}

std::string DumpMessage(Message& message, const DumpOptions& options) {
  std::string out;
  out.append("size ");
  AppendNumber(message.size(), &out);
  out.append(" header ");
  AppendNumber(message.header_bytes().size(), &out);
  if (message.has_body()) {
    out.append(" body ");
    AppendNumber(message.body().size(), &out);
  } else {
    out.append(" no-body");
  }
  out.push_back('\n');
  const HeaderScanResult& scan = message.header_scan();
  out.append("scan");
  if (scan.mbox_from_line) out.append(" mbox-from-line");
  out.append(" malformed-lines ");
  AppendNumber(scan.malformed_lines, &out);
  out.append(" dropped-fields ");
  AppendNumber(scan.dropped_fields, &out);
  out.append(" truncated-fields ");
  AppendNumber(scan.truncated_fields, &out);
  out.push_back('\n');
  DumpFields(message, options, &out);
  const MimeTree& tree = message.Mime();
  out.append("mime parts ");
  AppendNumber(tree.parts().size(), &out);
  if (tree.depth_limited()) out.append(" depth-limited");
  if (tree.part_limited()) out.append(" part-limited");
  out.push_back('\n');
  for (uint32_t i = 0; i < tree.parts().size(); ++i) DumpPart(message, i, options, &out);
  return out;
}

}  // namespace sievekit::mail
