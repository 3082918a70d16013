// Hand-made hostile binaries for the loader tests: one valid program
// (kScript) and a table of ways to damage its binary — header, framing,
// counts, string ids, names, signatures, hooks, code — each with the exact
// error LoadProgram must give. Shared by binary_reader_test.cc (which runs
// the table) and binary_seed_corpus_test.cc (which keeps some of them as
// fuzzing seeds in corpus/binaries/). Test-only.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "tests/ir/compile_for_test.h"
#include "tests/vm/binary_test_util.h"
#include "vm/binary.h"
#include "vm/binary_format.h"

namespace sievekit::vm::hostile {

using binary::Section;
using bintest::ProgramParts;
using bintest::PutU32;
using bintest::Sections;

// Calls: 0 header, 1 fileinto, 2 address, 3 redirect, 4 size, 5 keep,
// 6 envelope, 7 discard. Code: 0 test header, 1 fileinto, 2 stop, 3 jump,
// 4 test address, 5 redirect, 6 test size, 7 keep, 8 test envelope,
// 9 discard, 10 halt.
inline const std::string kScript =
    "require [\"fileinto\", \"envelope\"];\n"
    "if header :contains \"Subject\" \"money\" { fileinto \"Junk\"; stop; }\n"
    "elsif address :domain \"from\" \"example.com\" { redirect \"boss@example.org\"; }\n"
    "if size :over 10 { keep; }\n"
    "if envelope \"to\" \"me@example.org\" { discard; }\n";

// Byte offsets inside the calls-section body of kScript's binary: the call
// count (4), then call 0 (header): kind, name ref, line, column, two spans
// (29 bytes), the positional count, two values of one string each (13 + 12
// bytes each), the tag count and the :contains tag.
constexpr size_t kCall0Kind = 4;
constexpr size_t kCall0Name = 5;
constexpr size_t kCall0PositionalCount = 33;
constexpr size_t kCall0FirstValueType = 34;
constexpr size_t kCall0FirstListLength = 43;
constexpr size_t kCall0TagParamFlag = 84 + 1 + 4 + 8;

inline const ir::Registry& Registry() { return extensions::DefaultRegistry(); }

inline std::string Good() {
  static const std::string bytes = [] {
    auto program = bintest::Compile(kScript, "hostile.sieve");
    return program ? SaveProgram(*program) : std::string();
  }();
  return bytes;
}

inline ProgramParts GoodParts() {
  auto program = bintest::Compile(kScript, "hostile.sieve");
  return bintest::Decompose(*program);
}

inline std::string Save(const ProgramParts& parts) {
  return SaveProgram(*bintest::Assemble(parts));
}

inline std::string EditSections(const std::function<void(Sections&)>& edit) {
  Sections sections = bintest::Split(Good());
  edit(sections);
  return sections.Seal();
}

inline std::string EditCalls(const std::function<void(std::string&)>& edit) {
  return EditSections([=](Sections& s) { edit(s.body(Section::kCalls)); });
}

inline std::string EditParts(const std::function<void(ProgramParts&)>& edit) {
  ProgramParts parts = GoodParts();
  edit(parts);
  return Save(parts);
}

inline const ir::TagSpec* HeaderTag(std::string_view name) {
  return Registry().FindTag(*Registry().FindTest("header"), name);
}

inline ir::Value StringValue(std::string text, ir::ArgType type = ir::ArgType::kString) {
  ir::Value v;
  v.type = type;
  v.strings.push_back({std::move(text), {}});
  return v;
}

// The message the validator gives for `script` (its first diagnostic).
inline std::string FirstDiagnostic(const std::string& script) {
  ir::FrontendResult result = testutil::CompileScript(script);
  return result.diagnostics.all().empty() ? "" : result.diagnostics.all().front().message;
}

struct HostileCase {
  std::string_view name;
  std::function<std::string()> make;
  std::string error;
  ir::CompileOptions options = {};
};

// The table; every binary is refused with `error` under `options`.
inline std::vector<HostileCase> HostileCases() {
  const std::string good = Good();
  const uint32_t payload = static_cast<uint32_t>(good.size() - binary::kHeaderSize);
  Sections sections = bintest::Split(good);
  const size_t name_body = sections.body(Section::kName).size();
  const size_t strings_body = sections.body(Section::kStrings).size();
  const std::vector<std::string> strings = bintest::DecodeStrings(sections.body(Section::kStrings));
  // Where the required section starts (after the header and the name section).
  const size_t required_at = binary::kHeaderSize + binary::kSectionHeaderSize + name_body;
  const std::string flipped_last = [=] {
    std::string b = good;
    b.back() = static_cast<char>(b.back() ^ 0x01);
    return b;
  }();

  ir::CompileOptions tiny;
  tiny.limits.max_script_size = 8;
  ir::CompileOptions no_envelope;
  no_envelope.disabled_extensions.insert("envelope");

  return {
      // ---- Header ----
      {"empty file", [] { return std::string(); }, "not a sievekit binary: bad magic number"},
      {"a Sieve script", [] { return std::string("keep;"); },
       "not a sievekit binary: bad magic number"},
      {"bad magic",
       [=] {
         std::string b = good;
         b[1] = 'X';
         return b;
       },
       "not a sievekit binary: bad magic number"},
      {"magic only", [] { return std::string(binary::kMagic); },
       "truncated header: 8 bytes, a binary has at least 20"},
      {"format version 2",
       [=] {
         std::string b = good;
         PutU32(b, 8, 2);
         return b;
       },
       "unsupported format version 2 (this build reads version 1; recompile the script)"},
      {"format version 0",
       [=] {
         std::string b = good;
         PutU32(b, 8, 0);
         return b;
       },
       "unsupported format version 0 (this build reads version 1; recompile the script)"},
      {"bad checksum", [=] { return flipped_last; },
       fmt::format("checksum mismatch: the file is corrupt (stored CRC-32 {:08x}, computed {:08x})",
                   bintest::GetU32(good, 16),
                   binary::Crc32(std::string_view(flipped_last).substr(binary::kHeaderSize)))},
      {"truncated payload", [=] { return good.substr(0, good.size() - 1); },
       fmt::format("truncated file: the header announces {} payload bytes, the file holds {}",
                   payload, payload - 1)},
      {"trailing data", [=] { return good + "x"; },
       fmt::format("trailing data: the header announces {} payload bytes, the file holds {}",
                   payload, payload + 1)},
      // ---- Framing ----
      {"sections out of order",
       [] { return EditSections([](Sections& s) { std::swap(s.list[1], s.list[2]); }); },
       fmt::format("section id 3 at byte {} where the required section (id 2) belongs",
                   required_at)},
      {"section longer than the file",
       [=] {
         std::string b = good;
         PutU32(b, required_at + 1, 100000);
         return bintest::Reseal(b);
       },
       fmt::format("truncated: the required section is 100000 bytes long, only {} follow",
                   payload - (required_at - binary::kHeaderSize) - binary::kSectionHeaderSize)},
      {"missing code section", [] { return EditSections([](Sections& s) { s.list.pop_back(); }); },
       fmt::format("missing the code section (the file ends at byte {})",
                   good.size() - binary::kSectionHeaderSize - sections.list.back().second.size())},
      {"a sixth section",
       [] { return EditSections([](Sections& s) { s.list.emplace_back(6, "abc"); }); },
       "8 bytes after the last section"},
      {"unread bytes in a section", [] { return EditCalls([](std::string& c) { c += '\0'; }); },
       "calls section: 1 unread byte at its end"},
      // ---- Counts and lengths ----
      {"script name too long",
       [] {
         return EditSections(
             [](Sections& s) { s.body(Section::kName) = bintest::Str(std::string(5000, 'x')); });
       },
       "name section: the script name is 5000 bytes long, more than the limit of 4096"},
      {"extension count 2^32-1",
       [] { return EditSections([](Sections& s) { PutU32(s.body(Section::kRequired), 0, ~0u); }); },
       "required section: extension count 4294967295 exceeds the limit of 256"},
      {"string count 2^32-1",
       [] { return EditSections([](Sections& s) { PutU32(s.body(Section::kStrings), 0, ~0u); }); },
       "strings section: string count 4294967295 exceeds the limit of 1048576"},
      {"string count beyond the section",
       [] {
         return EditSections([](Sections& s) { PutU32(s.body(Section::kStrings), 0, 100000); });
       },
       fmt::format("strings section: string count 100000 cannot fit in the {} bytes left",
                   strings_body - 4)},
      {"string length 2^32-1",
       [] { return EditSections([](Sections& s) { PutU32(s.body(Section::kStrings), 4, ~0u); }); },
       "strings section: a string is 4294967295 bytes long, more than the limit of 1048576"},
      {"string longer than its section",
       [=] {
         return EditSections([=](Sections& s) {
           PutU32(s.body(Section::kStrings), 4, static_cast<uint32_t>(strings_body));
         });
       },
       fmt::format("truncated: a string at byte {} needs {} bytes, the strings section has {} left",
                   required_at + binary::kSectionHeaderSize +
                       sections.body(Section::kRequired).size() + binary::kSectionHeaderSize + 8,
                   strings_body, strings_body - 8)},
      {"call count 2^32-1", [] { return EditCalls([](std::string& c) { PutU32(c, 0, ~0u); }); },
       "calls section: call count 4294967295 exceeds the limit of 1048576"},
      {"instruction count 2^32-1",
       [] { return EditSections([](Sections& s) { PutU32(s.body(Section::kCode), 0, ~0u); }); },
       "code section: instruction count 4294967295 exceeds the limit of 4194304"},
      {"string list length 2^32-1",
       [] { return EditCalls([](std::string& c) { PutU32(c, kCall0FirstListLength, ~0u); }); },
       "calls section: string list length 4294967295 exceeds the limit of 65536"},
      {"positional count above the limit",
       [] { return EditCalls([](std::string& c) { c[kCall0PositionalCount] = '\xc8'; }); },
       "calls section: positional argument count 200 exceeds the limit of 32"},
      {"strings beyond the script size", [] { return Good(); },
       "call 0 ('header'): the strings of the calls add up to more than 8 bytes, the script size "
       "limit",
       tiny},
      // ---- String ids and encodings ----
      {"string id out of range",
       [] { return EditCalls([](std::string& c) { PutU32(c, kCall0Name, 999); }); },
       fmt::format("call 0: the command or test name refers to string 999, the table has {}",
                   strings.size())},
      {"absent name where one is needed",
       [] { return EditCalls([](std::string& c) { PutU32(c, kCall0Name, binary::kNoName); }); },
       fmt::format("call 0: the command or test name refers to string 4294967295, the table has {}",
                   strings.size())},
      {"refused by the fileinto hook (a mailbox name must be UTF-8)",
       [] { return bintest::RenameString(Good(), "Junk", "J\xffnk"); },
       "call 1 ('fileinto'): rejected by its validation: " +
           FirstDiagnostic("require [\"fileinto\", \"encoded-character\"];\n"
                           "fileinto \"J${hex:ff}nk\";")},
      {"invalid call kind", [] { return EditCalls([](std::string& c) { c[kCall0Kind] = 7; }); },
       "call 0: invalid call kind 7"},
      {"invalid value type",
       [] { return EditCalls([](std::string& c) { c[kCall0FirstValueType] = 9; }); },
       "call 0 ('header'): invalid value type 9"},
      {"invalid tag parameter flag",
       [] { return EditCalls([](std::string& c) { c[kCall0TagParamFlag] = 2; }); },
       "call 0 ('header'): invalid parameter flag 2 on tag ':contains'"},
      // ---- Names ----
      {"unknown extension",
       [] {
         return EditSections([](Sections& s) {
           s.body(Section::kRequired) =
               bintest::U32(2) + bintest::Str("fileinto") + bintest::Str("nosuch");
         });
       },
       "the program requires an unknown extension 'nosuch'"},
      {"a test named as a command",
       [] { return EditCalls([](std::string& c) { c[kCall0Kind] = 0; }); },
       "call 0: unknown command 'header'"},
      {"unknown command", [] { return bintest::RenameString(Good(), "redirect", "redirecx"); },
       "call 3: unknown command 'redirecx'"},
      {"unknown test", [] { return bintest::RenameString(Good(), "size", "sise"); },
       "call 4: unknown test 'sise'"},
      {"terminal escapes in a name",
       [] { return bintest::RenameString(Good(), "keep", "ke\x1b[2J\xffp"); },
       "call 5: unknown command 'ke\\x1b[2J\\xffp'"},
      {"a huge name", [] { return bintest::RenameString(Good(), "keep", std::string(5000, 'k')); },
       "call 5: unknown command '" + std::string(512 - 25, 'k') + "..."},
      {"names are stored lower-case", [] { return bintest::RenameString(Good(), "keep", "KEEP"); },
       "call 5: unknown command 'KEEP'"},
      {"unknown tag", [] { return bintest::RenameString(Good(), "contains", "containz"); },
       "call 0 ('header'): unknown tag ':containz'"},
      {"a tag of another call", [] { return bintest::RenameString(Good(), "over", "domain"); },
       "call 4 ('size'): unknown tag ':domain'"},
      {"unknown comparator",
       [] { return bintest::RenameString(Good(), "i;ascii-casemap", "i;ascii-casemaq"); },
       "call 0 ('header'): unknown comparator 'i;ascii-casemaq'"},
      {"unknown match type", [] { return bintest::RenameString(Good(), "is", "ix"); },
       "call 2 ('address'): unknown match type ':ix'"},
      {"unknown address part", [] { return bintest::RenameString(Good(), "all", "alx"); },
       "call 6 ('envelope'): unknown address part ':alx'"},
      {"extension not available", [] { return Good(); },
       "the program requires the extension 'envelope', which is not available", no_envelope},
      // ---- Signatures (the call verifier, through a whole load) ----
      {"wrong argument type",
       [] {
         return EditParts([](ProgramParts& p) {
           ir::Value& keys = p.calls[0].call.positional[1];
           keys.type = ir::ArgType::kNumber;
           keys.strings.clear();
         });
       },
       "call 0 ('header'): positional argument 2 (key list) is a number, it must be a string "
       "list"},
      {"missing argument",
       [] { return EditParts([](ProgramParts& p) { p.calls[1].call.positional.clear(); }); },
       "call 1 ('fileinto'): 0 positional arguments, 'fileinto' takes 1"},
      {"tag lacks its parameter",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[0].call.tags.push_back({HeaderTag("comparator"), {}, std::nullopt});
         });
       },
       "call 0 ('header'): tag ':comparator' lacks its parameter"},
      {"tag parameter of the wrong type",
       [] {
         return EditParts([](ProgramParts& p) {
           ir::Value number;
           number.type = ir::ArgType::kNumber;
           p.calls[0].call.tags.push_back({HeaderTag("comparator"), {}, number});
         });
       },
       "call 0 ('header'): the parameter of tag ':comparator' is a number, it must be a string"},
      {"conflicting tags",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[0].call.tags.push_back({HeaderTag("is"), {}, std::nullopt});
         });
       },
       "call 0 ('header'): tags ':contains' and ':is' exclude each other"},
      {"required tag missing",
       [] { return EditParts([](ProgramParts& p) { p.calls[4].call.tags.clear(); }); },
       "call 4 ('size'): a tag of the group 'size-relation' is required"},
      {"comparator on a call that takes none",
       [] {
         return EditParts(
             [](ProgramParts& p) { p.calls[5].call.comparator = Registry().DefaultComparator(); });
       },
       "call 5 ('keep'): it has a comparator but takes none"},
      {"comparator disagrees with the tags",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[0].call.comparator = Registry().FindComparator("i;octet");
         });
       },
       "call 0 ('header'): the comparator 'i;octet' disagrees with its tags, which name the "
       "default"},
      {"match type disagrees with the tags",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[0].call.match_type = Registry().FindMatchType("matches");
         });
       },
       "call 0 ('header'): the match type ':matches' disagrees with its tags"},
      {"relational operator without a relational match",
       [] { return EditParts([](ProgramParts& p) { p.calls[0].call.relational_op = "gt"; }); },
       "call 0 ('header'): the relational operator 'gt' disagrees with its tags ('')"},
      {"address part disagrees with the tags",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[2].call.address_part = Registry().FindAddressPart("localpart");
         });
       },
       "call 2 ('address'): the address part ':localpart' disagrees with its tags"},
      {"extension not required",
       [] { return EditParts([](ProgramParts& p) { p.required.erase(p.required.begin()); }); },
       "call 1 ('fileinto'): 'fileinto' needs the extension 'fileinto', which the program does "
       "not require"},
      {"extension required twice",
       [] { return EditParts([](ProgramParts& p) { p.required.push_back(p.required.front()); }); },
       "the extension 'fileinto' is required twice"},
      {"reversed span",
       [] { return EditParts([](ProgramParts& p) {
              p.calls[0].call.span = {10, 5};
            }); },
       "call 0 ('header'): the call has a reversed span 10..5"},
      {"too few arguments for a signature with an optional one",
       [] {
         ProgramParts p = bintest::Decompose(*bintest::Compile(
             "require [\"imap4flags\", \"variables\"]; setflag \"flags\" \"\\\\Seen\";"));
         p.calls[0].call.positional.clear();
         return Save(p);
       },
       "call 0 ('setflag'): 0 positional arguments, 'setflag' takes 1 to 2"},
      {"refused by the redirect hook",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[3].call.positional[0] = StringValue("not an address");
         });
       },
       "call 3 ('redirect'): rejected by its validation: " +
           FirstDiagnostic("redirect \"not an address\";")},
      {"refused by the envelope hook",
       [] {
         return EditParts([](ProgramParts& p) {
           p.calls[6].call.positional[0] = StringValue("bogus", ir::ArgType::kStringList);
         });
       },
       "call 6 ('envelope'): rejected by its validation: " +
           FirstDiagnostic("require \"envelope\"; if envelope \"bogus\" \"x\" {}")},
      // ---- Code ----
      {"backward jump", [] { return EditParts([](ProgramParts& p) { p.code[3].b = 1; }); },
       "instruction 3 (jump): jump target 1 is not after it and inside the code (0..10)"},
      {"jump to itself", [] { return EditParts([](ProgramParts& p) { p.code[3].b = 3; }); },
       "instruction 3 (jump): jump target 3 is not after it and inside the code (0..10)"},
      {"jump past the end", [] { return EditParts([](ProgramParts& p) { p.code[3].b = 11; }); },
       "instruction 3 (jump): jump target 11 is not after it and inside the code (0..10)"},
      {"test jump backward", [] { return EditParts([](ProgramParts& p) { p.code[4].b = 0; }); },
       "instruction 4 (test-jump-if-false): jump target 0 is not after it and inside the code "
       "(0..10)"},
      {"missing halt",
       [] { return EditParts([](ProgramParts& p) { p.code.back().op = Opcode::kStop; }); },
       "the last instruction (10) is stop, not halt"},
      {"empty code", [] { return EditParts([](ProgramParts& p) { p.code.clear(); }); },
       "the code is empty (it must end with halt)"},
      {"unknown opcode",
       [] { return EditParts([](ProgramParts& p) { p.code[2].op = static_cast<Opcode>(9); }); },
       "instruction 2: unknown opcode 9"},
      {"test jump on a command call",
       [] {
         return EditParts([](ProgramParts& p) { p.code[7] = {Opcode::kTestJumpIfFalse, 5, 8}; });
       },
       "instruction 7 (test-jump-if-false): call 5 is the command 'keep', not a test"},
      {"execute on a test call",
       [] { return EditParts([](ProgramParts& p) {
              p.code[0] = {Opcode::kExecute, 0, 0};
            }); },
       "instruction 0 (execute): call 0 is the test 'header', not a command"},
      {"call index out of range",
       [] { return EditParts([](ProgramParts& p) { p.code[7].a = 99; }); },
       "instruction 7 (execute): call 99 out of range (the program has 8)"},
      {"unreferenced call",
       [] { return EditParts([](ProgramParts& p) { p.calls.push_back(p.calls[5]); }); },
       "call 8 ('keep') is not run by any instruction"},
      {"unused operand", [] { return EditParts([](ProgramParts& p) { p.code[10].a = 1; }); },
       "instruction 10 (halt): unused operand a is 1, not 0"},
      {"jump with a call operand",
       [] { return EditParts([](ProgramParts& p) { p.code[3].a = 2; }); },
       "instruction 3 (jump): unused operand a is 2, not 0"},
      {"execute with a target", [] { return EditParts([](ProgramParts& p) { p.code[1].b = 5; }); },
       "instruction 1 (execute): unused operand b is 5, not 0"},
  };
}

}  // namespace sievekit::vm::hostile
