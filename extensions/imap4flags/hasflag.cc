// The hasflag test (RFC 5232 §4): true when a flag of the named variables
// (or of the internal variable) matches a flag of the key list.
//
// Both sides are flag lists: every string is split at spaces (§2), so
// `hasflag "b A"` is `hasflag ["b", "A"]`. Keys known at compile time are
// split then and prepared once (vm::KeyMatcher); keys built from variables
// are expanded and split per evaluation and matched with a
// match::DynamicKeyMatcher held in FlagState. The test only reads flag
// variables; it never changes one.
#include "extensions/imap4flags/hasflag.h"

#include <algorithm>
#include <optional>

#include "extensions/imap4flags/flag_state.h"
#include "ir/ir.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"

namespace sievekit::extensions::imap4flags {
namespace {

class HasflagTest final : public vm::PreparedCall {
 public:
  // `variables`: lower-case names, empty for the internal variable. Either
  // `constant` is set, or `dynamic_keys` with `spec`.
  HasflagTest(std::vector<std::string> variables, std::optional<vm::KeyMatcher> constant,
              std::vector<vm::RuntimeString> dynamic_keys, match::MatchSpec spec, bool counts)
      : variables_(std::move(variables)),
        constant_(std::move(constant)),
        dynamic_keys_(std::move(dynamic_keys)),
        spec_(spec),
        counts_(counts) {}

  bool Run(vm::EvalContext& ctx) const override {
    FlagState& state = StateOf(ctx);
    if (!constant_) SplitDynamicKeys(ctx, state);
    // RFC 5231 via §4: the count of a variable is its number of distinct
    // flags, and the count of a list the sum of its variables' counts.
    uint64_t count = 0;
    if (variables_.empty()) {
      if (counts_) {
        count = state.internal.size();
      } else {
        for (size_t i = 0; i < state.internal.size(); ++i) {
          if (Matches(ctx, state, state.internal[i])) return true;
        }
      }
    }
    for (const std::string& name : variables_) {
      // A variable may hold anything `set` put there: its words are matched
      // as they are, and counted once each.
      const std::string_view value = ctx.Variable({}, name);
      if (counts_) {
        FlagSet& distinct = state.scratch;
        distinct.Clear();
        distinct.AddWords(value, /*settable_only=*/false);
        count += distinct.size();
        continue;
      }
      bool matched = false;
      ForEachWord(value,
                  [&](std::string_view word) { matched = matched || Matches(ctx, state, word); });
      if (matched) return true;
    }
    return counts_ && MatchCount(ctx, state, count);
  }

 private:
  void SplitDynamicKeys(vm::EvalContext& ctx, FlagState& state) const {
    state.key_word_count = 0;
    for (const vm::RuntimeString& key : dynamic_keys_) {
      ForEachWord(ctx.Expand(key, &ctx.scratch(4)), [&](std::string_view word) {
        if (state.key_word_count == state.key_words.size()) state.key_words.emplace_back();
        state.key_words[state.key_word_count++].assign(word);
      });
    }
  }

  bool Matches(vm::EvalContext& ctx, FlagState& state, std::string_view flag) const {
    if (constant_) return constant_->Match(ctx, flag);
    std::string& folded = ctx.scratch(6);
    match::Fold(spec_.comparator, flag, &folded);
    const bool capture = ctx.wants_match_variables() && spec_.type == match::MatchType::kMatches;
    std::vector<std::string_view>* captures = capture ? &ctx.captures() : nullptr;
    for (size_t i = 0; i < state.key_word_count; ++i) {
      if (state.matcher.Match(spec_, state.key_words[i], folded, flag, captures)) {
        if (capture) ctx.SetMatchVariables(flag, *captures);
        return true;
      }
    }
    return false;
  }

  bool MatchCount(vm::EvalContext& ctx, FlagState& state, uint64_t count) const {
    if (constant_) return constant_->MatchCount(ctx, count);
    for (size_t i = 0; i < state.key_word_count; ++i) {
      if (state.matcher.MatchCount(spec_, state.key_words[i], count)) return true;
    }
    return false;
  }

  std::vector<std::string> variables_;
  std::optional<vm::KeyMatcher> constant_;
  std::vector<vm::RuntimeString> dynamic_keys_;
  match::MatchSpec spec_;
  bool counts_;
};

// A test that matches nothing: its key list has no flag at all (§2: empty
// strings are ignored), so no flag can equal one.
class NoKeysTest final : public vm::PreparedCall {
 public:
  bool Run(vm::EvalContext&) const override { return false; }
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareHasflag(const ir::Call& call,
                                                         vm::PrepareContext& context) {
  std::vector<std::string> variables;
  if (call.positional.size() == 2) {
    for (const ir::StringValue& name : call.positional[0].strings) {
      variables.push_back(ir::AsciiLower(name.text));
    }
  }
  const ir::Value& keys = call.positional.back();
  const bool templates =
      context.Requires("variables") &&
      std::any_of(keys.strings.begin(), keys.strings.end(),
                  [](const ir::StringValue& s) { return s.text.find("${") != std::string::npos; });
  const bool custom = call.match_type != nullptr && call.match_type->runtime != nullptr;
  // Keys an extension's own match type reads are split as written: its
  // matcher expands them itself.
  if (!templates || custom) {
    ir::Value words = keys;
    words.strings.clear();
    for (const ir::StringValue& s : keys.strings) {
      ForEachWord(s.text, [&](std::string_view word) {
        words.strings.push_back({std::string(word), s.span});
      });
    }
    if (words.strings.empty()) return std::unique_ptr<vm::PreparedCall>(new NoKeysTest());
    auto matcher = vm::KeyMatcher::Prepare(call, words, context);
    if (!matcher.ok()) return matcher.error();
    const bool counts = matcher->is_count();
    const match::MatchSpec spec = matcher->spec();
    return std::unique_ptr<vm::PreparedCall>(
        new HasflagTest(std::move(variables), std::move(*matcher), {}, spec, counts));
  }
  // The matcher over the unsplit keys is only used for its checked spec.
  auto matcher = vm::KeyMatcher::Prepare(call, keys, context);
  if (!matcher.ok()) return matcher.error();
  return std::unique_ptr<vm::PreparedCall>(new HasflagTest(std::move(variables), std::nullopt,
                                                           context.Strings(keys), matcher->spec(),
                                                           matcher->is_count()));
}

}  // namespace

const vm::CallRuntime kHasflagRuntime{PrepareHasflag};

}  // namespace sievekit::extensions::imap4flags
