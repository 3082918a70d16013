// The layout of a compiled-program file (".svbin"), shared by the writer,
// the reader and the tests. Nothing here reads or writes a Program; this
// header only names the constants, so that the two sides cannot drift apart.
//
// All integers are little-endian and fixed width.
//
//   offset size  field
//   0      8     magic "\x89SVBIN\r\n" (a byte that is never valid UTF-8 at
//                the start, so no Sieve script begins with it; CR LF catches
//                line-ending conversion by a text-mode transfer)
//   8      4     format version (kFormatVersion)
//   12     4     payload size in bytes: exactly the rest of the file
//   16     4     CRC-32 (IEEE 802.3, as zlib) of the payload
//   20     ...   payload: the five sections below, each once, in this order,
//                each framed as u8 section id, u32 body size, body
//
//   1 name      str script name
//   2 required  u32 n, n × str extension name (in order of first require)
//   3 strings   u32 n, n × str (any bytes); referenced below by index
//   4 calls     u32 n, n × call
//   5 code      u32 n, n × (u8 opcode, u32 a, u32 b)
//
//   str   = u32 byte length, bytes
//   ref   = u32 index into the string table; kNoName (0xffffffff) = absent
//   span  = u32 begin, u32 end (byte offsets into the original source)
//   call  = u8 kind (0 command, 1 test), ref spec name, u32 line,
//           u32 column, span call, span name, u8 n, n × value (positional),
//           u8 n, n × tag, ref comparator, ref match type,
//           ref relational operator, ref address part
//   tag   = ref name, span, u8 has parameter (0/1), [value]
//   value = u8 type (0 string, 1 string list, 2 number), span,
//           number: u64 / strings: u32 n, n × (ref text, span)
//
// Names (extensions, commands, tests, tags, comparators, match types,
// address parts) are stored as text, never as registry indexes, so a binary
// stays loadable when extensions are added or registered in another order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sievekit::vm::binary {

inline constexpr std::string_view kMagic{"\x89SVBIN\r\n", 8};
// Bumped whenever the layout or the meaning of a field changes; a reader
// accepts exactly its own version (a binary is a cache: recompile the
// source rather than guess at an old layout).
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr size_t kHeaderSize = 20;
inline constexpr size_t kSectionHeaderSize = 5;  // u8 id, u32 size

enum class Section : uint8_t {
  kName = 1,
  kRequired = 2,
  kStrings = 3,
  kCalls = 4,
  kCode = 5,
};
inline constexpr uint8_t kSectionCount = 5;
std::string_view SectionName(Section section);

inline constexpr uint32_t kNoName = 0xffffffffu;

enum class CallKindCode : uint8_t { kCommand = 0, kTest = 1 };
enum class ValueTypeCode : uint8_t { kString = 0, kStringList = 1, kNumber = 2 };

// Bounds checked before anything is allocated. They are far above what any
// script within the compile-time limits (common/limits.h) produces; a file
// beyond them was not written by SaveProgram.
inline constexpr uint32_t kMaxNameBytes = 4096;  // script name (a path)
inline constexpr uint32_t kMaxExtensionNameBytes = 256;
inline constexpr uint32_t kMaxRequired = 256;      // extensions required
inline constexpr uint32_t kMaxStrings = 1u << 20;  // string table entries
inline constexpr uint32_t kMaxCalls = 1u << 20;
inline constexpr uint32_t kMaxInstructions = 1u << 22;
inline constexpr uint8_t kMaxPositional = 32;  // per call
inline constexpr uint8_t kMaxTags = 32;        // per call

// Encoded sizes of the smallest element of each counted list, used to
// reject a count that the remaining bytes cannot hold.
inline constexpr size_t kMinStrBytes = 4;
inline constexpr size_t kMinCallBytes = 1 + 4 + 4 + 4 + 8 + 8 + 1 + 1 + 4 * 4;
inline constexpr size_t kMinValueBytes = 1 + 8 + 4;
inline constexpr size_t kMinTagBytes = 4 + 8 + 1;
inline constexpr size_t kStringRefBytes = 4 + 8;
inline constexpr size_t kInstructionBytes = 1 + 4 + 4;

// CRC-32 (reflected polynomial 0xEDB88320, initial value and final xor
// 0xffffffff): the checksum zlib, PNG and gzip use, so tests and tools can
// cross-check it with any of them.
uint32_t Crc32(std::string_view bytes);
// The same computed by table lookups only. Crc32 uses carry-less
// multiplication for long inputs where the processor has it; tests check
// the two against each other.
uint32_t Crc32ByTables(std::string_view bytes);

}  // namespace sievekit::vm::binary
