// The program listing (see disassembler.h).
#include "vm/disassembler.h"

#include <fmt/format.h>

#include "common/utf8.h"

namespace sievekit::vm {
namespace {

// Quotes a string; control characters and bytes that are not UTF-8 (which
// "${hex:ff}" can make) are shown as \xNN so the listing stays readable text.
void AppendQuoted(std::string_view s, std::string* out) {
  *out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const size_t length = utf8::SequenceLength(s.substr(i));
      if (length == 0) {
        *out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
      } else {
        out->append(s.substr(i, length));
        i += length - 1;
      }
    } else if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c == '\r') {
      *out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      *out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      *out += c;
    }
  }
  *out += '"';
}

void AppendValue(const ir::Value& v, std::string* out) {
  if (v.type == ir::ArgType::kNumber) {
    *out += std::to_string(v.number);
    return;
  }
  if (v.type == ir::ArgType::kStringList) *out += '[';
  for (size_t i = 0; i < v.strings.size(); ++i) {
    if (i > 0) *out += ", ";
    AppendQuoted(v.strings[i].text, out);
  }
  if (v.type == ir::ArgType::kStringList) *out += ']';
}

bool IsSharedGroup(std::string_view group) {
  return group == ir::kComparatorGroup || group == ir::kMatchTypeGroup ||
         group == ir::kAddressPartGroup;
}

void AppendCall(const ir::Call& call, std::string* out) {
  *out += call.spec->name;
  for (const ir::TagArgument& tag : call.tags) {
    // Shared tags are shown through what they resolved to, below.
    if (IsSharedGroup(tag.spec->group)) continue;
    *out += " :" + tag.spec->name;
    if (tag.param) {
      *out += ' ';
      AppendValue(*tag.param, out);
    }
  }
  if (call.comparator != nullptr) {
    *out += " :comparator ";
    AppendQuoted(call.comparator->name, out);
  }
  if (call.address_part != nullptr) *out += " :" + call.address_part->tag->name;
  if (call.match_type != nullptr) {
    *out += " :" + call.match_type->tag->name;
    if (!call.relational_op.empty()) {
      *out += ' ';
      AppendQuoted(call.relational_op, out);
    }
  }
  for (const ir::Value& v : call.positional) {
    *out += ' ';
    AppendValue(v, out);
  }
}

size_t Digits(size_t n) { return fmt::formatted_size("{}", n); }

}  // namespace

std::string Disassemble(const Program& program) {
  const std::vector<Instruction>& code = program.code();
  const std::vector<ProgramCall>& calls = program.calls();
  std::string out = "program ";
  AppendQuoted(program.source_name(), &out);
  out += fmt::format(" ({} call{}, {} instruction{})\n", calls.size(), calls.size() == 1 ? "" : "s",
                     code.size(), code.size() == 1 ? "" : "s");
  if (!program.required().empty()) {
    out += "require [";
    for (size_t i = 0; i < program.required().size(); ++i) {
      if (i > 0) out += ", ";
      AppendQuoted(program.required()[i]->name, &out);
    }
    out += "]\n";
  }
  const size_t pc_width = std::max<size_t>(4, Digits(code.empty() ? 0 : code.size() - 1));
  const size_t target_width = 3 + Digits(code.empty() ? 0 : code.size() - 1);
  for (size_t pc = 0; pc < code.size(); ++pc) {
    const Instruction& ins = code[pc];
    const bool blocks = ins.op == Opcode::kEnterBlock || ins.op == Opcode::kEndBlock;
    const bool jumps = ins.op == Opcode::kJump || ins.op == Opcode::kTestJumpIfTrue ||
                       ins.op == Opcode::kTestJumpIfFalse || blocks;
    const bool runs = ins.op == Opcode::kExecute || ins.op == Opcode::kTestJumpIfTrue ||
                      ins.op == Opcode::kTestJumpIfFalse || blocks;
    std::string line = fmt::format("{:>{}}  {:<18}  {:<{}}", pc, pc_width, OpcodeName(ins.op),
                                   jumps ? fmt::format("-> {}", ins.b) : "", target_width);
    if (runs && ins.a < calls.size()) {
      const ProgramCall& call = calls[ins.a];
      line += fmt::format("  #{} @{}:{} ", ins.a, call.line, call.column);
      AppendCall(call.call, &line);
    } else if (runs) {
      line += fmt::format("  #{} (no such call)", ins.a);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace sievekit::vm
