// SaveProgram and LooksLikeBinary (see binary.h; the layout is in
// binary_format.h).
//
// The writer trusts the Program it is given (codegen or the loader built
// it); it must stay in step with binary_reader.cc, which trusts nothing.
// Strings are interned in first-use order, which makes the output a
// function of the program alone.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "vm/binary.h"
#include "vm/binary_format.h"

namespace sievekit::vm {
namespace {

using binary::Section;

// The string table: ids in first-use order, found through an open-addressing
// hash table of ids (std::unordered_map allocates a node per string and
// hashes byte by byte; a large script interns tens of thousands of strings).
class StringTable {
 public:
  StringTable() : slots_(1024, kEmpty) {}

  uint32_t Intern(std::string_view s) {
    const uint64_t hash = Hash(s);
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      const uint32_t id = slots_[i];
      if (id == kEmpty) break;
      if (hashes_[id] == hash && strings_[id] == s) return id;
    }
    const auto id = static_cast<uint32_t>(strings_.size());
    strings_.push_back(s);
    hashes_.push_back(hash);
    if (strings_.size() * 2 > slots_.size()) {
      Rehash(slots_.size() * 2);
    } else {
      Place(id, mask);
    }
    return id;
  }

  const std::vector<std::string_view>& strings() const { return strings_; }

 private:
  static constexpr uint32_t kEmpty = 0xffffffffu;

  static uint64_t Load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static uint32_t Load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  // Eight bytes at a time, the last (partial) word read overlapping the one
  // before; mixed with a multiply and a shift. Only this process reads the
  // table, so the value may differ between hosts.
  static uint64_t Hash(std::string_view s) {
    constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = (n + 1) * kMultiplier;
    uint64_t last;
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) {
        h = (h ^ Load64(p + i)) * kMultiplier;
        h ^= h >> 29;
      }
      last = Load64(p + n - 8);
    } else if (n >= 4) {
      last = static_cast<uint64_t>(Load32(p)) << 32 | Load32(p + n - 4);
    } else if (n > 0) {
      last = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
             static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
             static_cast<unsigned char>(p[n - 1]);
    } else {
      last = 0;
    }
    h = (h ^ last) * kMultiplier;
    // Spreads the high bits (where multiplying puts the entropy) into the
    // low ones the table indexes by.
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93u;
    return h ^ (h >> 32);
  }

  void Place(uint32_t id, size_t mask) {
    size_t i = static_cast<size_t>(hashes_[id]) & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    slots_[i] = id;
  }

  void Rehash(size_t size) {
    slots_.assign(size, kEmpty);
    for (uint32_t id = 0; id < strings_.size(); ++id) Place(id, size - 1);
  }

  std::vector<uint32_t> slots_;  // a power of two, at most half full
  // Views of strings the program (or the registry's specs) owns: they
  // outlive the writer, so nothing is copied.
  std::vector<std::string_view> strings_;
  std::vector<uint64_t> hashes_;  // of strings_[id]
};

// First pass over the calls: counts their bytes and interns their strings,
// recording each string's id in order of use for the second pass.
class Measure {
 public:
  explicit Measure(StringTable& table) : table_(table) {}

  void U8(uint8_t) { size_ += 1; }
  void U32(uint32_t) { size_ += 4; }
  void U64(uint64_t) { size_ += 8; }
  void WriteSpan(Span) { size_ += 8; }
  void Ref(std::string_view s) {
    ids_.push_back(table_.Intern(s));
    size_ += 4;
  }
  // A name the registry owns (a spec's): the same few strings for every
  // call, remembered by address so that most are not hashed again. The
  // cache only short-cuts Intern: a name seen first here or through Ref
  // gets the same id either way.
  void Name(const std::string& s) {
    // Multiplying spreads the addresses (specs sit at regular strides).
    const uint64_t mixed = reinterpret_cast<uintptr_t>(&s) * 0x9E3779B97F4A7C15u;
    NameSlot& slot = names_[mixed >> (64 - kNameSlotBits)];
    if (slot.name != &s) slot = {&s, table_.Intern(s)};
    ids_.push_back(slot.id);
    size_ += 4;
  }

  size_t size() const { return size_; }
  const std::vector<uint32_t>& ids() const { return ids_; }
  void Reserve(size_t ids) { ids_.reserve(ids); }

 private:
  struct NameSlot {
    const std::string* name = nullptr;
    uint32_t id = 0;
  };
  static constexpr int kNameSlotBits = 7;
  static constexpr size_t kNameSlots = size_t{1} << kNameSlotBits;

  StringTable& table_;
  size_t size_ = 0;
  std::vector<uint32_t> ids_;
  NameSlot names_[kNameSlots];
};

// Second pass, and everything else: appends little-endian integers to the
// output through a small buffer. Each write is a bounds check and a store;
// the output string, reserved at its final size, takes the buffer in
// 1 KiB appends (a copy that size stays in vector registers — a large one
// turns into a byte-counted string instruction).
class Emit {
 public:
  Emit(std::string& out, const std::vector<uint32_t>& ids) : out_(out), ids_(ids) {}
  ~Emit() { Flush(); }
  Emit(const Emit&) = delete;
  Emit& operator=(const Emit&) = delete;

  void U8(uint8_t v) { *Room(1) = static_cast<char8_t>(v); }
  void U32(uint32_t v) {
    char8_t* p = Room(4);
    p[0] = static_cast<char8_t>(v);
    p[1] = static_cast<char8_t>(v >> 8);
    p[2] = static_cast<char8_t>(v >> 16);
    p[3] = static_cast<char8_t>(v >> 24);
  }
  void U64(uint64_t v) {
    U32(static_cast<uint32_t>(v));
    U32(static_cast<uint32_t>(v >> 32));
  }
  void WriteSpan(Span span) {
    U32(span.begin);
    U32(span.end);
  }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    if (s.size() > sizeof buffer_ - used_) {
      Flush();
      if (s.size() > sizeof buffer_) {
        out_.append(s);
        return;
      }
    }
    std::memcpy(buffer_ + used_, s.data(), s.size());
    used_ += s.size();
  }
  // The string the first pass interned at this point.
  void Ref(std::string_view) { U32(ids_[next_id_++]); }
  void Name(const std::string&) { U32(ids_[next_id_++]); }

  void Flush() {
    // Reading the bytes as char is always allowed.
    out_.append(reinterpret_cast<const char*>(buffer_), used_);
    used_ = 0;
  }

 private:
  char8_t* Room(size_t n) {
    if (sizeof buffer_ - used_ < n) Flush();
    char8_t* p = buffer_ + used_;
    used_ += n;
    return p;
  }

  std::string& out_;
  const std::vector<uint32_t>& ids_;
  size_t next_id_ = 0;
  // char8_t, not char: a store through a char pointer may alias anything,
  // so after every byte written the compiler would reload used_ (and the
  // ids) from memory; char8_t has no such licence.
  char8_t buffer_[1024];
  size_t used_ = 0;
};

class ProgramWriter {
 public:
  explicit ProgramWriter(const Program& program) : program_(program) {}

  std::string Run() {
    // The calls are measured first so that the string table they fill is
    // complete when it is written before them.
    Measure measure(strings_);
    measure.Reserve(program_.calls().size() * 8);
    for (const ProgramCall& call : program_.calls()) WriteCall(call, measure);

    const std::vector<std::string_view>& strings = strings_.strings();
    const size_t name_bytes = 4 + program_.source_name().size();
    size_t required_bytes = 4;
    for (const ir::ExtensionSpec* e : program_.required()) required_bytes += 4 + e->name.size();
    size_t strings_bytes = 4;
    for (const std::string_view s : strings) strings_bytes += 4 + s.size();
    const size_t calls_bytes = 4 + measure.size();
    const size_t code_bytes = 4 + program_.code().size() * binary::kInstructionBytes;
    const size_t payload_bytes = 5 * binary::kSectionHeaderSize + name_bytes + required_bytes +
                                 strings_bytes + calls_bytes + code_bytes;

    std::string file;
    file.reserve(binary::kHeaderSize + payload_bytes);
    {
      Emit out(file, measure.ids());
      for (const char c : binary::kMagic) out.U8(static_cast<uint8_t>(c));
      out.U32(binary::kFormatVersion);
      out.U32(static_cast<uint32_t>(payload_bytes));
      out.U32(0);  // the CRC, filled in below

      SectionHeader(Section::kName, name_bytes, out);
      out.Str(program_.source_name());

      SectionHeader(Section::kRequired, required_bytes, out);
      out.U32(static_cast<uint32_t>(program_.required().size()));
      for (const ir::ExtensionSpec* e : program_.required()) out.Str(e->name);

      SectionHeader(Section::kStrings, strings_bytes, out);
      out.U32(static_cast<uint32_t>(strings.size()));
      for (const std::string_view s : strings) out.Str(s);

      SectionHeader(Section::kCalls, calls_bytes, out);
      out.U32(static_cast<uint32_t>(program_.calls().size()));
      for (const ProgramCall& call : program_.calls()) WriteCall(call, out);

      SectionHeader(Section::kCode, code_bytes, out);
      out.U32(static_cast<uint32_t>(program_.code().size()));
      for (const Instruction& ins : program_.code()) {
        out.U8(static_cast<uint8_t>(ins.op));
        out.U32(ins.a);
        out.U32(ins.b);
      }
    }
    const uint32_t crc = binary::Crc32(std::string_view(file).substr(binary::kHeaderSize));
    for (size_t i = 0; i < 4; ++i) file[16 + i] = static_cast<char>(crc >> (8 * i));
    return file;
  }

 private:
  static void SectionHeader(Section id, size_t body_bytes, Emit& out) {
    out.U8(static_cast<uint8_t>(id));
    out.U32(static_cast<uint32_t>(body_bytes));
  }

  // A registry-owned name, or none.
  template <typename Out>
  static void NameOrNone(const std::string* s, Out& out) {
    if (s == nullptr) {
      out.U32(binary::kNoName);
    } else {
      out.Name(*s);
    }
  }

  // Written twice, through Measure and then through Emit: the two passes
  // must see the same strings in the same order.
  template <typename Out>
  static void WriteValue(const ir::Value& value, Out& out) {
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
      out.Ref(s.text);
      out.WriteSpan(s.span);
    }
  }

  template <typename Out>
  static void WriteCall(const ProgramCall& entry, Out& out) {
    const ir::Call& call = entry.call;
    out.U8(static_cast<uint8_t>(call.spec->kind == ir::CallKind::kTest
                                    ? binary::CallKindCode::kTest
                                    : binary::CallKindCode::kCommand));
    out.Name(call.spec->name);
    out.U32(entry.line);
    out.U32(entry.column);
    out.WriteSpan(call.span);
    out.WriteSpan(call.name_span);
    out.U8(static_cast<uint8_t>(call.positional.size()));
    for (const ir::Value& v : call.positional) WriteValue(v, out);
    out.U8(static_cast<uint8_t>(call.tags.size()));
    for (const ir::TagArgument& tag : call.tags) {
      out.Name(tag.spec->name);
      out.WriteSpan(tag.span);
      out.U8(tag.param ? 1 : 0);
      if (tag.param) WriteValue(*tag.param, out);
    }
    NameOrNone(call.comparator ? &call.comparator->name : nullptr, out);
    NameOrNone(call.match_type ? &call.match_type->tag->name : nullptr, out);
    if (call.relational_op.empty()) {
      out.U32(binary::kNoName);
    } else {
      out.Ref(call.relational_op);
    }
    NameOrNone(call.address_part ? &call.address_part->tag->name : nullptr, out);
  }

  const Program& program_;
  StringTable strings_;
};

}  // namespace

std::string SaveProgram(const Program& program) { return ProgramWriter(program).Run(); }

bool LooksLikeBinary(std::string_view bytes) { return bytes.starts_with(binary::kMagic); }

}  // namespace sievekit::vm
