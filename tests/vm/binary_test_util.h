// Test helpers for the binary format tests (tests/vm/binary_*_test.cc,
// program_verifier_test.cc, disassembler_test.cc):
//  - compile Sieve text to a Program (failures are test failures);
//  - take a Program apart into editable parts and put it back together, so
//    a test can make a program no validator would (SaveProgram writes what
//    it is given, which makes it the encoder for semantically bad files);
//  - split a binary into its sections and seal it again (payload size and
//    CRC-32 recomputed), so a test can damage one field and still reach the
//    parser and the verifiers instead of the checksum check;
//  - describe everything an evaluation produced, to compare two programs.
// Test-only; it trusts its input.
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "vm/binary.h"
#include "vm/binary_format.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::vm::bintest {

inline std::shared_ptr<const Program> Compile(const std::string& script,
                                              const std::string& name = "test.sieve") {
  auto source = std::make_shared<SourceFile>(name, script);
  ir::FrontendResult front = ir::RunFrontend(source, extensions::DefaultRegistry());
  EXPECT_TRUE(front.ok()) << RenderText(*source, front.diagnostics);
  if (!front.ok()) return nullptr;
  auto program = GenerateProgram(front.script, extensions::DefaultRegistry());
  EXPECT_TRUE(program.ok()) << (program.ok() ? "" : program.error().message);
  return program.ok() ? *program : nullptr;
}

// ---- Programs in editable parts ----

struct CallPart {
  ir::Call call;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct ProgramParts {
  const ir::Registry* registry = nullptr;
  std::string name;
  std::vector<const ir::ExtensionSpec*> required;
  std::vector<CallPart> calls;
  std::vector<Instruction> code;
};

inline ProgramParts Decompose(const Program& program) {
  ProgramParts parts{
      &program.registry(), program.source_name(), program.required(), {}, program.code()};
  for (const ProgramCall& c : program.calls()) parts.calls.push_back({c.call, c.line, c.column});
  return parts;
}

// An unprepared, unverified Program from parts.
inline std::shared_ptr<Program> Assemble(const ProgramParts& parts) {
  auto program = std::make_shared<Program>(*parts.registry, parts.name);
  for (const ir::ExtensionSpec* e : parts.required) program->AddRequired(e);
  for (const CallPart& c : parts.calls) program->AddCall(c.call, c.line, c.column);
  for (const Instruction& ins : parts.code) program->Emit(ins);
  return program;
}

// ---- Binaries in sections ----

inline void PutU32(std::string& bytes, size_t at, uint32_t v) {
  for (size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xffu);
}

inline uint32_t GetU32(std::string_view bytes, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i)
    v |= uint32_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  return v;
}

inline std::string U32(uint32_t v) {
  std::string out(4, '\0');
  PutU32(out, 0, v);
  return out;
}

inline std::string Str(std::string_view s) {
  return U32(static_cast<uint32_t>(s.size())) + std::string(s);
}

// Rewrites the payload size and the CRC-32 of a whole file (at least a
// header long) to match its payload.
inline std::string Reseal(std::string bytes) {
  const std::string_view payload = std::string_view(bytes).substr(binary::kHeaderSize);
  const uint32_t size = static_cast<uint32_t>(payload.size());
  const uint32_t crc = binary::Crc32(payload);
  PutU32(bytes, 12, size);
  PutU32(bytes, 16, crc);
  return bytes;
}

// A well-formed binary split into its header fields and section bodies.
struct Sections {
  uint32_t version = binary::kFormatVersion;
  std::vector<std::pair<uint8_t, std::string>> list;  // id, body

  std::string& body(binary::Section id) {
    for (auto& [i, b] : list) {
      if (i == static_cast<uint8_t>(id)) return b;
    }
    ADD_FAILURE() << "no section " << static_cast<int>(id);
    static std::string none;
    return none;
  }

  // The file, with section sizes, payload size and checksum recomputed.
  std::string Seal() const {
    std::string payload;
    for (const auto& [id, b] : list) {
      payload += static_cast<char>(id);
      payload += U32(static_cast<uint32_t>(b.size()));
      payload += b;
    }
    return Reseal(std::string(binary::kMagic) + U32(version) + U32(0) + U32(0) + payload);
  }
};

inline Sections Split(std::string_view bytes) {
  Sections out;
  out.version = GetU32(bytes, 8);
  size_t pos = binary::kHeaderSize;
  while (pos + binary::kSectionHeaderSize <= bytes.size()) {
    const auto id = static_cast<uint8_t>(bytes[pos]);
    const uint32_t size = GetU32(bytes, pos + 1);
    out.list.emplace_back(id, std::string(bytes.substr(pos + binary::kSectionHeaderSize, size)));
    pos += binary::kSectionHeaderSize + size;
  }
  return out;
}

// The string table of a strings-section body, and back.
inline std::vector<std::string> DecodeStrings(std::string_view body) {
  std::vector<std::string> out;
  const uint32_t count = GetU32(body, 0);
  size_t pos = 4;
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t size = GetU32(body, pos);
    out.emplace_back(body.substr(pos + 4, size));
    pos += 4 + size;
  }
  return out;
}

inline std::string EncodeStrings(const std::vector<std::string>& strings) {
  std::string out = U32(static_cast<uint32_t>(strings.size()));
  for (const std::string& s : strings) out += Str(s);
  return out;
}

// Replaces the string-table entry equal to `from` (which must exist).
inline std::string RenameString(std::string_view binary_bytes, const std::string& from,
                                const std::string& to) {
  Sections sections = Split(binary_bytes);
  std::string& body = sections.body(binary::Section::kStrings);
  std::vector<std::string> strings = DecodeStrings(body);
  bool found = false;
  for (std::string& s : strings) {
    if (s == from) {
      s = to;
      found = true;
    }
  }
  EXPECT_TRUE(found) << "no string '" << from << "'";
  body = EncodeStrings(strings);
  return sections.Seal();
}

// ---- Evaluation results, in full ----

inline std::string DescribeFully(const EvalResult& result) {
  std::string out;
  for (const Action& a : result.actions) {
    out += fmt::format(
        "{} d={} c={} mailbox={} flags=[{}] copy={} address={} reason={} at {}..{} "
        "{}:{}",
        a.type, static_cast<int>(a.disposition), a.cancels_implicit_keep, a.mailbox,
        fmt::join(a.flags, ","), a.copy, a.address, a.reason, a.span.begin, a.span.end, a.line,
        a.column);
    for (const ActionParam& p : a.params) {
      out += " " + p.name + "=";
      std::visit(
          [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::vector<std::string>>) {
              out += fmt::format("[{}]", fmt::join(v, ","));
            } else {
              out += fmt::format("{}", v);
            }
          },
          p.value);
    }
    out += "\n";
  }
  out += fmt::format("implicit_keep={}\n", result.implicit_keep);
  for (const RuntimeError& e : result.errors) {
    out += fmt::format("error {} {} at {}..{} {}:{}\n", e.id, e.message, e.span.begin, e.span.end,
                       e.line, e.column);
  }
  for (const std::string& line : result.trace) out += "trace " + line + "\n";
  return out;
}

inline std::string EvaluateFully(const Program& program, std::string_view message,
                                 const mail::Envelope& envelope = {"from@example.com",
                                                                   "to@example.org", "", ""}) {
  Evaluator evaluator;
  EvalOptions options;
  options.trace = true;
  return DescribeFully(evaluator.Evaluate(program, message, envelope, options));
}

}  // namespace sievekit::vm::bintest
