// OperandCache: the values a test hands to its key matcher, resolved and
// folded once per message for every test that reads the same operand.
//
// A GUI-made rule set asks dozens of tests about the same thing ("the
// decoded Subject under i;ascii-casemap", "the domains of From"), each with
// its own keys. Without this cache every such test looks the header names
// up, walks the fields, extracts the address parts and finds the folded
// value again; with it the first test of a message collects the values (in
// the order the test would meet them) and every later one only runs its
// keys over them. Tests get an operand id at prepare time
// (PrepareContext::OperandId), equal for equal operands.
//
// The cache must not change what a test decides: it holds exactly the
// values, in exactly the order, the test's own loop would produce, and the
// key matcher charges match work and sets match variables as before. It is
// valid for one message and envelope of one evaluation (EvalContext::Begin
// and SwitchMessage invalidate it, and a host that changes the envelope
// during an evaluation must call SwitchMessage; a new message generation
// empties it). It
// keeps its buffers, so a warm cache does not allocate. Belongs to one
// EvalContext; not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mail/arena.h"
#include "mail/message.h"
#include "vm/match/bigram_sketch.h"
#include "vm/match/comparator.h"

namespace sievekit::vm {

// One value of an operand: as the test would see it, and folded under the
// operand's comparator. Both views stay valid while the cache entry lives.
struct OperandValue {
  std::string_view original;
  std::string_view folded;
  // The pairs of `folded` (match::BigramSketch), built on first request.
  bool sketched = false;
  match::BigramSketch sketch;
};

class OperandCache {
 public:
  static constexpr uint32_t kNoOperand = UINT32_MAX;

  // Forgets every operand (a new evaluation or another message).
  void Invalidate() {
    ++epoch_;
    values_.clear();
    arena_.Reset();
  }

  // The values of operand `id` for `message`, or false (and nothing in
  // *values) when they have not been collected yet.
  bool Find(uint32_t id, const mail::Message& message, std::span<OperandValue>* values) {
    if (message.generation() != generation_) Restart(message.generation());
    if (id >= slots_.size() || slots_[id].epoch != epoch_) return false;
    *values = std::span<OperandValue>(values_).subspan(slots_[id].begin,
                                                       slots_[id].end - slots_[id].begin);
    return true;
  }

  // Collecting the values of an operand: Start, Add each value in order,
  // then Finish, which returns them (valid until the next Start).
  void Start(const mail::Message& message, match::ComparatorId comparator) {
    if (message.generation() != generation_) Restart(message.generation());
    comparator_ = comparator;
    start_ = static_cast<uint32_t>(values_.size());
  }
  void Add(const mail::Message& message, std::string_view value);
  std::span<OperandValue> Finish(uint32_t id);

  // The sketch of a value's folded form, or nullptr when it is too long to
  // be worth one (as vm::FoldCache decides).
  static const match::BigramSketch* SketchOf(OperandValue& value) {
    if (value.folded.size() > match::BigramSketch::kMaxValueSize) return nullptr;
    if (!value.sketched) {
      value.sketched = true;
      value.sketch.AddPairs(value.folded);
    }
    return &value.sketch;
  }

 private:
  struct Slot {
    uint64_t epoch = 0;  // live when equal to epoch_
    uint32_t begin = 0;
    uint32_t end = 0;
  };

  void Restart(uint64_t generation) {
    generation_ = generation;
    Invalidate();
  }

  std::vector<Slot> slots_;
  std::vector<OperandValue> values_;
  mail::TextArena arena_;  // folded values, and originals the message does not own
  std::string scratch_;
  uint64_t epoch_ = 1;
  uint64_t generation_ = 0;
  match::ComparatorId comparator_ = match::ComparatorId::kOctet;
  uint32_t start_ = 0;
};

}  // namespace sievekit::vm
