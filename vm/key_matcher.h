// KeyMatcher: the comparator + match type + key list of one test, prepared
// for the VM (RFC 5228 §2.7, RFC 5231, RFC 5229 §3.2).
//
// Constant keys are prepared once into a match::MatchOperand; keys that
// contain variables are expanded and matched per message; match types that
// an extension implements (e.g. :regex) go through its KeyMatcherImpl.
// Matching folds the value once per message and comparator (FoldCache) or
// into an evaluation scratch buffer, so a warm match does not allocate. Immutable after Prepare; shared by threads.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "ir/ir.h"
#include "vm/call_runtime.h"
#include "vm/match/match_operand.h"
#include "vm/operand_cache.h"
#include "vm/string_template.h"

namespace sievekit::vm {

class EvalContext;

class KeyMatcher {
 public:
  // `keys` is the call's key-list argument.
  static Result<KeyMatcher> Prepare(const ir::Call& call, const ir::Value& keys,
                                    PrepareContext& context);

  // Whether `value` matches any key. On a successful :matches (or a custom
  // match type that captures), sets the match variables when the program
  // reads them, unless DisableMatchVariables was called.
  // Inline: most keys of a rule set miss most values, and a value whose
  // length no constant key allows is rejected here, before anything is
  // folded or looked up (MatchOperand::MayMatchSize).
  bool Match(EvalContext& ctx, std::string_view value) const {
    if (constant_.has_value() && !constant_->MayMatchSize(value.size())) return false;
    return MatchValue(ctx, value);
  }
  // The same for a value of the EvalContext's OperandCache, folded there
  // under spec().comparator: decides, charges and captures exactly as
  // Match(ctx, value.original) would.
  bool Match(EvalContext& ctx, OperandValue& value) const {
    if (constant_.has_value() && !constant_->MayMatchSize(value.original.size())) return false;
    return MatchCached(ctx, value);
  }

  // Makes Match leave the match variables alone whatever the match type:
  // for tests whose wildcards must not set them (body, RFC 5173 §6).
  void DisableMatchVariables() { sets_match_variables_ = false; }

  // :count (RFC 5231 §4.2): the caller counts the values and asks here.
  bool is_count() const { return spec_.type == match::MatchType::kCount; }
  bool MatchCount(EvalContext& ctx, uint64_t count) const;

  const match::MatchSpec& spec() const { return spec_; }

 private:
  // Match without the length check.
  // Match(ctx, OperandValue&) past the length check: keys whose pairs the
  // value lacks are rejected before anything else is looked at.
  bool MatchCached(EvalContext& ctx, OperandValue& value) const;
  // `prefolded`, when given, is `value` folded beforehand.
  bool MatchValue(EvalContext& ctx, std::string_view value,
                  OperandValue* prefolded = nullptr) const;

  match::MatchSpec spec_;
  std::optional<match::MatchOperand> constant_;
  std::vector<RuntimeString> dynamic_keys_;
  std::unique_ptr<KeyMatcherImpl> custom_;
  bool sets_match_variables_ = true;
  // Passes a match makes over a value, for RuntimeLimits::max_match_work:
  // 1 where the kernel reads the value once whatever the keys, the number of
  // keys where it tries them one by one.
  uint32_t passes_ = 1;
};

}  // namespace sievekit::vm
