// Preparing and running the key list of a test.
#include "vm/key_matcher.h"

#include <algorithm>

#include "vm/eval_context.h"
#include "vm/match/dynamic_key_matcher.h"

namespace sievekit::vm {
namespace {

// Per-evaluation scratch for keys only known at run time.
struct DynamicMatchState : ExtensionState {
  match::DynamicKeyMatcher matcher;
  void Reset() override {}
};

}  // namespace

Result<KeyMatcher> KeyMatcher::Prepare(const ir::Call& call, const ir::Value& keys,
                                       PrepareContext& context) {
  KeyMatcher out;
  if (call.comparator != nullptr) {
    auto id = match::ComparatorFromName(call.comparator->name);
    if (!id) return Error{"unsupported comparator '" + call.comparator->name + "'"};
    out.spec_.comparator = *id;
  }
  std::vector<RuntimeString> strings = context.Strings(keys);
  const auto key_count = static_cast<uint32_t>(std::max<size_t>(1, strings.size()));
  out.passes_ = key_count;
  if (call.match_type != nullptr && call.match_type->runtime != nullptr) {
    auto custom = call.match_type->runtime->prepare(call, strings, context);
    if (!custom.ok()) return custom.error();
    out.custom_ = std::move(*custom);
    return out;
  }
  if (call.match_type != nullptr) {
    auto type = match::MatchTypeFromName(call.match_type->tag->name);
    if (!type) return Error{"unsupported match type ':" + call.match_type->tag->name + "'"};
    out.spec_.type = *type;
    if (match::TakesRelation(*type)) {
      auto relation = match::RelationalOpFromName(call.relational_op);
      if (!relation) return Error{"invalid relational operator '" + call.relational_op + "'"};
      out.spec_.relation = *relation;
    }
  }
  if (!match::IsCompatible(out.spec_.comparator, out.spec_.type)) {
    return Error{"comparator cannot be used with this match type"};
  }
  const bool all_constant = std::all_of(strings.begin(), strings.end(),
                                        [](const RuntimeString& s) { return s.is_constant(); });
  if (all_constant) {
    std::vector<std::string> constants;
    constants.reserve(strings.size());
    for (const RuntimeString& s : strings) constants.push_back(s.constant());
    auto operand = match::MatchOperand::Prepare(out.spec_, constants);
    if (!operand.ok()) return operand.error();
    out.constant_ = std::move(*operand);
    // MatchOperand reads the value once for a key set, a relational
    // comparison or the many-key automaton, once per key otherwise.
    const bool per_key =
        out.spec_.type == match::MatchType::kMatches ||
        (out.spec_.type == match::MatchType::kContains &&
         strings.size() < match::MatchOperand::kManyKeys);
    if (!per_key) out.passes_ = 1;
  } else {
    out.dynamic_keys_ = std::move(strings);
  }
  return out;
}

bool KeyMatcher::MatchCached(EvalContext& ctx, OperandValue& value) const {
  // Most :contains and :matches keys of a rule set miss most values, and the
  // sketch (built once per value and message) shows it in a few word
  // operations. The work is charged all the same: the budget counts what
  // the test asks for, not how cleverly it is answered.
  // :is captures nothing and reads only the folded value: one key lookup.
  if (constant_.has_value() && spec_.type == match::MatchType::kIs) {
    return ctx.ChargeMatchWork(uint64_t{value.original.size()} * passes_) &&
           constant_->IsFoldedKey(value.folded);
  }
  if (constant_.has_value() && constant_->uses_sketch()) {
    const match::BigramSketch* sketch = OperandCache::SketchOf(value);
    if (sketch != nullptr && constant_->SketchRejects(*sketch)) {
      ctx.ChargeMatchWork(uint64_t{value.original.size()} * passes_);
      return false;
    }
  }
  return MatchValue(ctx, value.original, &value);
}

bool KeyMatcher::MatchValue(EvalContext& ctx, std::string_view value,
                            OperandValue* prefolded) const {
  if (!ctx.ChargeMatchWork(uint64_t{value.size()} * passes_)) return false;
  const bool wants = sets_match_variables_ && ctx.wants_match_variables();
  if (custom_) return custom_->Match(ctx, value, wants);
  const bool capture = wants && spec_.type == match::MatchType::kMatches;
  std::vector<std::string_view>* captures = capture ? &ctx.captures() : nullptr;
  bool matched = false;
  if (constant_) {
    // Message values are folded once per message and comparator, with the
    // sketch that lets most :contains and :matches keys be skipped.
    const match::BigramSketch* sketch = nullptr;
    std::string_view folded;
    if (prefolded != nullptr) {
      folded = prefolded->folded;
      if (constant_->uses_sketch()) sketch = OperandCache::SketchOf(*prefolded);
    } else if (constant_->uses_sketch()) {
      folded = ctx.fold_cache().Fold(ctx.message(), spec_.comparator, value, &ctx.scratch(0),
                                     &sketch);
    } else {
      folded = ctx.fold_cache().Fold(ctx.message(), spec_.comparator, value, &ctx.scratch(0));
    }
    matched = constant_->Match(folded, value, captures, sketch);
  } else {
    const std::string_view folded =
        prefolded != nullptr
            ? prefolded->folded
            : ctx.fold_cache().Fold(ctx.message(), spec_.comparator, value, &ctx.scratch(0));
    auto& dynamic = ctx.State<DynamicMatchState>().matcher;
    std::string& key = ctx.scratch(1);
    for (const RuntimeString& k : dynamic_keys_) {
      if (dynamic.Match(spec_, ctx.Expand(k, &key), folded, value, captures)) {
        matched = true;
        break;
      }
    }
  }
  if (matched && capture) ctx.SetMatchVariables(value, *captures);
  return matched;
}

bool KeyMatcher::MatchCount(EvalContext& ctx, uint64_t count) const {
  if (constant_) return constant_->MatchCount(count);
  auto& dynamic = ctx.State<DynamicMatchState>().matcher;
  std::string& key = ctx.scratch(1);
  for (const RuntimeString& k : dynamic_keys_) {
    if (dynamic.MatchCount(spec_, ctx.Expand(k, &key), count)) return true;
  }
  return false;
}

}  // namespace sievekit::vm
