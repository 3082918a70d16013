// SaveProgram and LooksLikeBinary (see binary.h; the layout is in
// binary_format.h).
//
// The writer trusts the Program it is given (codegen or the loader built
// it); it must stay in step with binary_reader.cc, which trusts nothing.
// Strings are interned in first-use order, which makes the output a
// function of the program alone.
#include <string>
#include <string_view>
#include <unordered_map>

#include "vm/binary.h"
#include "vm/binary_format.h"

namespace sievekit::vm {
namespace {

using binary::Section;

class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  // Little-endian, whatever the host: appended as one run (a 5,000-rule
  // script writes a few hundred thousand of these).
  void U32(uint32_t v) {
    const char bytes[4] = {static_cast<char>(v), static_cast<char>(v >> 8),
                           static_cast<char>(v >> 16), static_cast<char>(v >> 24)};
    out_.append(bytes, sizeof bytes);
  }
  void U64(uint64_t v) {
    U32(static_cast<uint32_t>(v));
    U32(static_cast<uint32_t>(v >> 32));
  }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Raw(std::string_view s) { out_.append(s); }
  void WriteSpan(Span span) {
    U32(span.begin);
    U32(span.end);
  }
  const std::string& bytes() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class ProgramWriter {
 public:
  explicit ProgramWriter(const Program& program) : program_(program) {}

  std::string Run() {
    // The calls are written first so that the string table they fill is
    // complete when it is written before them.
    ByteWriter calls;
    calls.U32(static_cast<uint32_t>(program_.calls().size()));
    for (const ProgramCall& call : program_.calls()) WriteCall(call, calls);

    ByteWriter name;
    name.Str(program_.source_name());

    ByteWriter required;
    required.U32(static_cast<uint32_t>(program_.required().size()));
    for (const ir::ExtensionSpec* e : program_.required()) required.Str(e->name);

    ByteWriter strings;
    strings.U32(static_cast<uint32_t>(strings_.size()));
    for (const std::string_view s : strings_) strings.Str(s);

    ByteWriter code;
    code.U32(static_cast<uint32_t>(program_.code().size()));
    for (const Instruction& ins : program_.code()) {
      code.U8(static_cast<uint8_t>(ins.op));
      code.U32(ins.a);
      code.U32(ins.b);
    }

    ByteWriter payload;
    AppendSection(Section::kName, name, payload);
    AppendSection(Section::kRequired, required, payload);
    AppendSection(Section::kStrings, strings, payload);
    AppendSection(Section::kCalls, calls, payload);
    AppendSection(Section::kCode, code, payload);

    ByteWriter file;
    file.Raw(binary::kMagic);
    file.U32(binary::kFormatVersion);
    file.U32(static_cast<uint32_t>(payload.bytes().size()));
    file.U32(binary::Crc32(payload.bytes()));
    file.Raw(payload.bytes());
    return file.Take();
  }

 private:
  static void AppendSection(Section id, const ByteWriter& body, ByteWriter& out) {
    out.U8(static_cast<uint8_t>(id));
    out.U32(static_cast<uint32_t>(body.bytes().size()));
    out.Raw(body.bytes());
  }

  uint32_t Intern(std::string_view s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
  }

  void Ref(const std::string* s, ByteWriter& out) {
    out.U32(s == nullptr ? binary::kNoName : Intern(*s));
  }

  void WriteValue(const ir::Value& value, ByteWriter& out) {
    switch (value.type) {
      case ir::ArgType::kString:
        out.U8(static_cast<uint8_t>(binary::ValueTypeCode::kString));
        break;
      case ir::ArgType::kStringList:
        out.U8(static_cast<uint8_t>(binary::ValueTypeCode::kStringList));
        break;
      case ir::ArgType::kNumber:
        out.U8(static_cast<uint8_t>(binary::ValueTypeCode::kNumber));
        break;
    }
    out.WriteSpan(value.span);
    if (value.type == ir::ArgType::kNumber) {
      out.U64(value.number);
      return;
    }
    out.U32(static_cast<uint32_t>(value.strings.size()));
    for (const ir::StringValue& s : value.strings) {
      out.U32(Intern(s.text));
      out.WriteSpan(s.span);
    }
  }

  void WriteCall(const ProgramCall& entry, ByteWriter& out) {
    const ir::Call& call = entry.call;
    out.U8(static_cast<uint8_t>(call.spec->kind == ir::CallKind::kTest
                                    ? binary::CallKindCode::kTest
                                    : binary::CallKindCode::kCommand));
    out.U32(Intern(call.spec->name));
    out.U32(entry.line);
    out.U32(entry.column);
    out.WriteSpan(call.span);
    out.WriteSpan(call.name_span);
    out.U8(static_cast<uint8_t>(call.positional.size()));
    for (const ir::Value& v : call.positional) WriteValue(v, out);
    out.U8(static_cast<uint8_t>(call.tags.size()));
    for (const ir::TagArgument& tag : call.tags) {
      out.U32(Intern(tag.spec->name));
      out.WriteSpan(tag.span);
      out.U8(tag.param ? 1 : 0);
      if (tag.param) WriteValue(*tag.param, out);
    }
    Ref(call.comparator ? &call.comparator->name : nullptr, out);
    Ref(call.match_type ? &call.match_type->tag->name : nullptr, out);
    Ref(call.relational_op.empty() ? nullptr : &call.relational_op, out);
    Ref(call.address_part ? &call.address_part->tag->name : nullptr, out);
  }

  const Program& program_;
  // Views of strings the program (or the registry's specs) owns: they
  // outlive the writer, so nothing is copied.
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::vector<std::string_view> strings_;
};

}  // namespace

std::string SaveProgram(const Program& program) { return ProgramWriter(program).Run(); }

bool LooksLikeBinary(std::string_view bytes) { return bytes.starts_with(binary::kMagic); }

}  // namespace sievekit::vm
