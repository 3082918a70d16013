// LoadProgram (see binary.h; the layout is in binary_format.h).
//
// Every read goes through a Cursor that checks the bytes are there; the
// first failure is kept and every later read returns zero, so the parsing
// code reads straight through and checks ok() where a loop or a lookup
// depends on what was read. Every count is checked against a fixed bound
// and against the bytes left (each element has a minimum encoded size)
// before anything is reserved. Names are resolved through the registry
// here; whether the resolved calls and code make sense is the verifiers'
// job (call_verifier.h, program_verifier.h), which also see programs built
// by codegen.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "vm/binary.h"
#include "vm/binary_format.h"
#include "vm/program_verifier.h"

namespace sievekit::vm {
namespace {

using binary::Section;

// Reads little-endian fields from one section, with bounds checks.
class Cursor {
 public:
  // `base` is the offset of `bytes` in the file and `label` what they are
  // ("calls section", "file"), both for messages.
  Cursor(std::string_view bytes, size_t base, std::string label, std::string* error)
      : bytes_(bytes), base_(base), label_(std::move(label)), error_(error) {}

  bool ok() const { return error_->empty(); }
  size_t remaining() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }
  size_t offset() const { return base_ + pos_; }

  // Records the first failure; later ones are consequences of it.
  void Fail(std::string message) {
    if (error_->empty()) *error_ = std::move(message);
  }

  uint8_t U8(std::string_view what) {
    if (!Need(1, what)) return 0;
    return static_cast<uint8_t>(bytes_[pos_++]);
  }
  uint32_t U32(std::string_view what) { return static_cast<uint32_t>(Little(4, what)); }
  uint64_t U64(std::string_view what) { return Little(8, what); }

  Span ReadSpan(std::string_view what) {
    const uint32_t begin = U32(what);
    const uint32_t end = U32(what);
    return {begin, end};
  }

  // A u32-length-prefixed byte string of at most max_bytes bytes.
  std::string_view Str(std::string_view what, uint32_t max_bytes) {
    const uint32_t size = U32(what);
    if (!ok()) return {};
    if (size > max_bytes) {
      Fail(fmt::format("{}: {} is {} bytes long, more than the limit of {}", label_, what, size,
                       max_bytes));
      return {};
    }
    if (!Need(size, what)) return {};
    std::string_view out = bytes_.substr(pos_, size);
    pos_ += size;
    return out;
  }

  // A u32 count of elements that take at least min_element_bytes each;
  // refused when above `limit` or when the rest of the section cannot hold
  // that many, so that the caller may reserve `count` elements.
  uint32_t Count(std::string_view what, size_t min_element_bytes, uint32_t limit) {
    return CheckCount(U32(what), what, min_element_bytes, limit);
  }
  uint32_t SmallCount(std::string_view what, size_t min_element_bytes, uint32_t limit) {
    return CheckCount(U8(what), what, min_element_bytes, limit);
  }

 private:
  bool Need(size_t n, std::string_view what) {
    if (!ok()) return false;
    if (remaining() < n) {
      Fail(fmt::format("truncated: {} at byte {} needs {} byte{}, the {} has {} left", what,
                       offset(), n, n == 1 ? "" : "s", label_, remaining()));
      return false;
    }
    return true;
  }

  uint64_t Little(size_t n, std::string_view what) {
    if (!Need(n, what)) return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) {
      v |= uint64_t{static_cast<unsigned char>(bytes_[pos_ + i])} << (8 * i);
    }
    pos_ += n;
    return v;
  }

  uint32_t CheckCount(uint32_t count, std::string_view what, size_t min_element_bytes,
                      uint32_t limit) {
    if (!ok()) return 0;
    if (count > limit) {
      Fail(fmt::format("{}: {} {} exceeds the limit of {}", label_, what, count, limit));
      return 0;
    }
    if (count > remaining() / min_element_bytes) {
      Fail(fmt::format("{}: {} {} cannot fit in the {} bytes left", label_, what, count,
                       remaining()));
      return 0;
    }
    return count;
  }

  std::string_view bytes_;
  size_t pos_ = 0;
  size_t base_;
  std::string label_;
  std::string* error_;
};

uint32_t ReadLittle32(std::string_view bytes, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) {
    v |= uint32_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  }
  return v;
}

class ProgramReader {
 public:
  ProgramReader(std::string_view bytes, const ir::Registry& registry,
                const ir::CompileOptions& options)
      : bytes_(bytes), registry_(registry), limits_(options.limits) {}

  Result<std::shared_ptr<Program>> Run() {
    if (auto header = CheckHeader(); !header.ok()) return header.error();
    size_t pos = binary::kHeaderSize;
    for (uint8_t id = 1; id <= binary::kSectionCount && error_.empty(); ++id) {
      const Section section = static_cast<Section>(id);
      Cursor cursor = OpenSection(section, &pos);
      if (!error_.empty()) break;
      switch (section) {
        case Section::kName:
          ReadName(cursor);
          break;
        case Section::kRequired:
          ReadRequired(cursor);
          break;
        case Section::kStrings:
          ReadStrings(cursor);
          break;
        case Section::kCalls:
          ReadCalls(cursor);
          break;
        case Section::kCode:
          ReadCode(cursor);
          break;
      }
      if (error_.empty() && !cursor.at_end()) {
        error_ = fmt::format("{} section: {} unread byte{} at its end", SectionName(section),
                             cursor.remaining(), cursor.remaining() == 1 ? "" : "s");
      }
    }
    if (error_.empty() && pos != bytes_.size()) {
      error_ = fmt::format("{} bytes after the last section", bytes_.size() - pos);
    }
    if (!error_.empty()) return Error{error_};
    return std::move(program_);
  }

 private:
  Result<void> CheckHeader() {
    if (!LooksLikeBinary(bytes_)) return Error{"not a sievekit binary: bad magic number"};
    if (bytes_.size() < binary::kHeaderSize) {
      return Error{fmt::format("truncated header: {} bytes, a binary has at least {}",
                               bytes_.size(), binary::kHeaderSize)};
    }
    const uint32_t version = ReadLittle32(bytes_, 8);
    if (version != binary::kFormatVersion) {
      return Error{fmt::format(
          "unsupported format version {} (this build reads version {}; recompile the script)",
          version, binary::kFormatVersion)};
    }
    const uint32_t payload_size = ReadLittle32(bytes_, 12);
    const size_t actual = bytes_.size() - binary::kHeaderSize;
    if (payload_size != actual) {
      return Error{fmt::format("{}: the header announces {} payload bytes, the file holds {}",
                               payload_size > actual ? "truncated file" : "trailing data",
                               payload_size, actual)};
    }
    const uint32_t stored = ReadLittle32(bytes_, 16);
    const uint32_t computed = binary::Crc32(bytes_.substr(binary::kHeaderSize));
    if (stored != computed) {
      return Error{
          fmt::format("checksum mismatch: the file is corrupt (stored CRC-32 {:08x}, "
                      "computed {:08x})",
                      stored, computed)};
    }
    return {};
  }

  // Reads a section frame at *pos, checks its id, and returns a cursor over
  // its body; advances *pos past it.
  Cursor OpenSection(Section expected, size_t* pos) {
    const std::string_view name = SectionName(expected);
    const std::string label = fmt::format("{} section", name);
    Cursor frame(bytes_.substr(*pos), *pos, "file", &error_);
    if (frame.remaining() == 0) {
      frame.Fail(fmt::format("missing the {} section (the file ends at byte {})", name, *pos));
      return Cursor({}, *pos, label, &error_);
    }
    const uint8_t id = frame.U8("a section id");
    const uint32_t size = frame.U32("a section size");
    if (frame.ok() && id != static_cast<uint8_t>(expected)) {
      frame.Fail(fmt::format("section id {} at byte {} where the {} section (id {}) belongs", id,
                             *pos, name, static_cast<uint8_t>(expected)));
    }
    if (frame.ok() && size > frame.remaining()) {
      frame.Fail(fmt::format("truncated: the {} section is {} bytes long, only {} follow", name,
                             size, frame.remaining()));
    }
    if (!frame.ok()) return Cursor({}, *pos, label, &error_);
    const size_t body = *pos + binary::kSectionHeaderSize;
    *pos = body + size;
    return Cursor(bytes_.substr(body, size), body, label, &error_);
  }

  void ReadName(Cursor& in) {
    const std::string_view name = in.Str("the script name", binary::kMaxNameBytes);
    program_ = std::make_shared<Program>(registry_, std::string(name));
  }

  void ReadRequired(Cursor& in) {
    const uint32_t count = in.Count("extension count", binary::kMinStrBytes, binary::kMaxRequired);
    for (uint32_t i = 0; i < count && in.ok(); ++i) {
      const std::string_view name = in.Str("an extension name", binary::kMaxExtensionNameBytes);
      if (!in.ok()) return;
      const ir::ExtensionSpec* extension = registry_.FindExtension(name);
      if (extension == nullptr) {
        return in.Fail(fmt::format("the program requires an unknown extension '{}'", name));
      }
      program_->AddRequired(extension);
    }
  }

  void ReadStrings(Cursor& in) {
    const uint32_t count = in.Count("string count", binary::kMinStrBytes, binary::kMaxStrings);
    strings_.reserve(count);
    for (uint32_t i = 0; i < count && in.ok(); ++i) {
      // Any bytes: "${hex:ff}" (encoded-character) makes strings that are
      // not UTF-8, and the hooks that care (fileinto's) check them.
      const std::string_view s = in.Str("a string", limits_.max_string_length);
      if (!in.ok()) return;
      strings_.push_back(s);
    }
  }

  // A string-table entry; nullopt (after failing) when the id is out of
  // range. kNoName is accepted only when `optional`.
  std::optional<std::string_view> Ref(Cursor& in, std::string_view what, bool optional,
                                      bool* absent = nullptr) {
    const uint32_t id = in.U32(what);
    if (!in.ok()) return std::nullopt;
    if (id == binary::kNoName && optional) {
      if (absent != nullptr) *absent = true;
      return std::string_view();
    }
    if (id >= strings_.size()) {
      in.Fail(fmt::format("{}: {} refers to string {}, the table has {}", context_, what, id,
                          strings_.size()));
      return std::nullopt;
    }
    if (absent != nullptr) *absent = false;
    return strings_[id];
  }

  void ReadCalls(Cursor& in) {
    const uint32_t count = in.Count("call count", binary::kMinCallBytes, binary::kMaxCalls);
    for (uint32_t i = 0; i < count && in.ok(); ++i) {
      context_ = fmt::format("call {}", i);
      ReadCall(in);
    }
  }

  void ReadCall(Cursor& in) {
    ir::Call call;
    const uint8_t kind = in.U8("a call kind");
    if (in.ok() && kind > static_cast<uint8_t>(binary::CallKindCode::kTest)) {
      return in.Fail(fmt::format("{}: invalid call kind {}", context_, kind));
    }
    const bool is_test = kind == static_cast<uint8_t>(binary::CallKindCode::kTest);
    const auto name = Ref(in, "the command or test name", false);
    if (!name) return;
    call.spec = is_test ? registry_.FindTest(*name) : registry_.FindCommand(*name);
    if (call.spec == nullptr || call.spec->name != *name) {
      return in.Fail(
          fmt::format("{}: unknown {} '{}'", context_, is_test ? "test" : "command", *name));
    }
    context_ = fmt::format("{} ('{}')", context_, call.spec->name);
    const uint32_t line = in.U32("a line number");
    const uint32_t column = in.U32("a column number");
    call.span = in.ReadSpan("a call span");
    call.name_span = in.ReadSpan("a name span");

    const uint8_t positional = static_cast<uint8_t>(
        in.SmallCount("positional argument count", binary::kMinValueBytes, binary::kMaxPositional));
    call.positional.reserve(positional);
    for (uint8_t i = 0; i < positional && in.ok(); ++i) {
      call.positional.push_back(ReadValue(in));
    }

    const uint8_t tags =
        static_cast<uint8_t>(in.SmallCount("tag count", binary::kMinTagBytes, binary::kMaxTags));
    call.tags.reserve(tags);
    const std::vector<const ir::TagSpec*> known_tags =
        tags > 0 ? registry_.TagsOf(*call.spec) : std::vector<const ir::TagSpec*>();
    for (uint8_t i = 0; i < tags && in.ok(); ++i) {
      const auto tag_name = Ref(in, "a tag name", false);
      if (!tag_name) return;
      ir::TagArgument tag;
      for (const ir::TagSpec* candidate : known_tags) {
        if (candidate->name == *tag_name) tag.spec = candidate;
      }
      if (tag.spec == nullptr) {
        return in.Fail(fmt::format("{}: unknown tag ':{}'", context_, *tag_name));
      }
      tag.span = in.ReadSpan("a tag span");
      const uint8_t has_param = in.U8("a tag parameter flag");
      if (in.ok() && has_param > 1) {
        return in.Fail(fmt::format("{}: invalid parameter flag {} on tag ':{}'", context_,
                                   has_param, *tag_name));
      }
      if (has_param == 1) tag.param = ReadValue(in);
      call.tags.push_back(std::move(tag));
    }

    if (!ReadSharedArguments(in, call) || !in.ok()) return;
    program_->AddCall(std::move(call), line, column);
  }

  bool ReadSharedArguments(Cursor& in, ir::Call& call) {
    bool absent = false;
    auto comparator = Ref(in, "the comparator", true, &absent);
    if (!comparator) return false;
    if (!absent) {
      call.comparator = registry_.FindComparator(*comparator);
      if (call.comparator == nullptr || call.comparator->name != *comparator) {
        in.Fail(fmt::format("{}: unknown comparator '{}'", context_, *comparator));
        return false;
      }
    }
    auto match_type = Ref(in, "the match type", true, &absent);
    if (!match_type) return false;
    if (!absent) {
      call.match_type = registry_.FindMatchType(*match_type);
      if (call.match_type == nullptr || call.match_type->tag->name != *match_type) {
        in.Fail(fmt::format("{}: unknown match type ':{}'", context_, *match_type));
        return false;
      }
    }
    auto relational = Ref(in, "the relational operator", true, &absent);
    if (!relational) return false;
    call.relational_op = std::string(*relational);
    auto address_part = Ref(in, "the address part", true, &absent);
    if (!address_part) return false;
    if (!absent) {
      call.address_part = registry_.FindAddressPart(*address_part);
      if (call.address_part == nullptr || call.address_part->tag->name != *address_part) {
        in.Fail(fmt::format("{}: unknown address part ':{}'", context_, *address_part));
        return false;
      }
    }
    return true;
  }

  ir::Value ReadValue(Cursor& in) {
    ir::Value value;
    const uint8_t type = in.U8("a value type");
    if (!in.ok()) return value;
    switch (static_cast<binary::ValueTypeCode>(type)) {
      case binary::ValueTypeCode::kString:
        value.type = ir::ArgType::kString;
        break;
      case binary::ValueTypeCode::kStringList:
        value.type = ir::ArgType::kStringList;
        break;
      case binary::ValueTypeCode::kNumber:
        value.type = ir::ArgType::kNumber;
        break;
      default:
        in.Fail(fmt::format("{}: invalid value type {}", context_, type));
        return value;
    }
    value.span = in.ReadSpan("a value span");
    if (value.type == ir::ArgType::kNumber) {
      value.number = in.U64("a number");
      return value;
    }
    const uint32_t count =
        in.Count("string list length", binary::kStringRefBytes, limits_.max_list_length);
    value.strings.reserve(count);
    for (uint32_t i = 0; i < count && in.ok(); ++i) {
      const auto text = Ref(in, "a string", false);
      if (!text) break;
      // The decoded strings of a script are never longer than its source,
      // so their total is bounded by the script size limit. Checking it here
      // keeps a small file from naming one long string many times.
      string_bytes_ += text->size();
      if (string_bytes_ > limits_.max_script_size) {
        in.Fail(
            fmt::format("{}: the strings of the calls add up to more than {} bytes, the "
                        "script size limit",
                        context_, limits_.max_script_size));
        break;
      }
      value.strings.push_back({std::string(*text), in.ReadSpan("a string span")});
    }
    return value;
  }

  void ReadCode(Cursor& in) {
    context_ = "code";
    const uint32_t count =
        in.Count("instruction count", binary::kInstructionBytes, binary::kMaxInstructions);
    for (uint32_t i = 0; i < count && in.ok(); ++i) {
      // Any byte is kept as is; the verifier names an unknown opcode.
      const auto op = static_cast<Opcode>(in.U8("an opcode"));
      const uint32_t a = in.U32("an operand");
      const uint32_t b = in.U32("an operand");
      if (in.ok()) program_->Emit({op, a, b});
    }
  }

  std::string_view bytes_;
  const ir::Registry& registry_;
  const Limits& limits_;
  std::string error_;
  std::string context_;  // "call 3 ('header')", for messages
  std::shared_ptr<Program> program_;
  std::vector<std::string_view> strings_;  // into bytes_
  uint64_t string_bytes_ = 0;
};

// Error messages quote names and strings taken from the file, which a
// hostile file can fill with terminal escape sequences or megabytes of
// text: control characters and bytes that are not UTF-8 become \xNN, and
// the message is cut at a length no real message reaches.
std::string SafeMessage(std::string_view message) {
  constexpr size_t kMaxBytes = 512;
  std::string out;
  for (size_t i = 0; i < message.size() && out.size() < kMaxBytes; ++i) {
    const auto byte = static_cast<unsigned char>(message[i]);
    const size_t length = byte >= 0x80 ? utf8::SequenceLength(message.substr(i)) : 1;
    if (byte < 0x20 || byte == 0x7f || length == 0) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out.append(message.substr(i, length));
      i += length - 1;
    }
  }
  if (out.size() >= kMaxBytes) out += "...";
  return out;
}

Error Refuse(const Error& error) { return Error{SafeMessage(error.message)}; }

}  // namespace

Result<std::shared_ptr<const Program>> LoadProgram(std::string_view bytes,
                                                   const ir::Registry& registry,
                                                   const ir::CompileOptions& options) {
  auto read = ProgramReader(bytes, registry, options).Run();
  if (!read.ok()) return Refuse(read.error());
  std::shared_ptr<Program> program = std::move(*read);
  if (auto verified = VerifyProgram(*program, options); !verified.ok()) {
    return Refuse(verified.error());
  }
  if (auto prepared = program->Prepare(); !prepared.ok()) {
    return Refuse(Error{"the program cannot be prepared: " + prepared.error().message});
  }
  return std::shared_ptr<const Program>(std::move(program));
}

}  // namespace sievekit::vm
