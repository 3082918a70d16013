// RegexKeyMatcher: the prepared keys of one test, and the per-context cache
// of keys compiled at run time.
#include "extensions/regex/regex_match_type.h"

#include <fmt/format.h>

#include <atomic>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>

#include "extensions/regex/compiled_regex.h"
#include "vm/eval_context.h"
#include "vm/string_template.h"

namespace sievekit::extensions::regex {
namespace {

std::atomic<uint64_t> runtime_compilations{0};

// Compiled run-time keys of one evaluation context, by expanded text; kept
// from message to message (Reset does not clear it), bounded by
// kMaxCachedRegexes. A key that failed keeps its error, so that it is not
// compiled again either.
struct RegexCache : vm::ExtensionState {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Entry = std::variant<std::unique_ptr<const CompiledRegex>, std::string>;
  using Map = std::unordered_map<std::string, Entry, Hash, std::equal_to<>>;
  Map exact;   // i;octet
  Map folded;  // i;ascii-casemap

  void Reset() override {}

  const Entry& Get(std::string_view key, bool fold) {
    Map& map = fold ? folded : exact;
    if (auto it = map.find(key); it != map.end()) return it->second;
    if (exact.size() + folded.size() >= kMaxCachedRegexes) {
      exact.clear();
      folded.clear();
    }
    runtime_compilations.fetch_add(1, std::memory_order_relaxed);
    auto compiled = CompiledRegex::Compile(key, fold);
    Entry entry;
    if (compiled.ok()) {
      entry = std::move(*compiled);
    } else {
      entry = compiled.error().message;
    }
    return map.emplace(std::string(key), std::move(entry)).first->second;
  }
};

class RegexKeyMatcher final : public vm::KeyMatcherImpl {
 public:
  // A key compiled at preparation, one to expand and compile per
  // evaluation, or (for keys the validator never saw whole, such as the
  // words hasflag splits its keys into) the reason it does not compile.
  struct Key {
    std::unique_ptr<const CompiledRegex> compiled;
    vm::RuntimeString dynamic;
    std::string error;
  };

  RegexKeyMatcher(std::vector<Key> keys, bool fold) : keys_(std::move(keys)), fold_(fold) {}

  bool Match(vm::EvalContext& ctx, std::string_view value, bool capture) const override {
    // Scratch buffers 0 and 1 belong to vm::KeyMatcher, whose delegate this
    // is: callers never pass values living in them.
    const std::string_view text = ValidUtf8(value, &ctx.scratch(0));
    std::vector<std::string_view>* captures = capture ? &ctx.captures() : nullptr;
    for (const Key& key : keys_) {
      const CompiledRegex* regex = key.compiled.get();
      // An invalid key matches nothing (and is reported): the script was
      // valid, only this message's values made the key invalid, and the
      // other keys and rules still apply (as Pigeonhole does).
      if (regex == nullptr && !key.error.empty()) {
        ctx.Warn("invalid-regex", fmt::format("invalid :regex key: {}", key.error));
        continue;
      }
      if (regex == nullptr) {
        regex = Expand(ctx, key.dynamic);
        if (ctx.failed()) return false;
        if (regex == nullptr) continue;
      }
      if (regex->Search(text, captures, vm::kMaxMatchVariableIndex)) {
        if (capture) ctx.SetMatchVariables(text, *captures);
        return true;
      }
    }
    return false;
  }

 private:
  // The compiled form of a key with variables; null after a runtime error
  // (an expanded key over max_regex_size) or a warning (an invalid key).
  const CompiledRegex* Expand(vm::EvalContext& ctx, const vm::RuntimeString& key) const {
    const std::string_view pattern = ctx.Expand(key, &ctx.scratch(1));
    if (pattern.size() > kMaxRegexSize) {
      ctx.Fail("max-regex-size",
               fmt::format("a :regex key is {} bytes long after expanding its variables, more "
                           "than the limit of {} bytes (max_regex_size)",
                           pattern.size(), kMaxRegexSize));
      return nullptr;
    }
    const RegexCache::Entry& entry = ctx.State<RegexCache>().Get(pattern, fold_);
    if (const auto* error = std::get_if<std::string>(&entry)) {
      ctx.Warn("invalid-regex", fmt::format("invalid :regex key '{}': {}", pattern, *error));
      return nullptr;
    }
    return std::get<std::unique_ptr<const CompiledRegex>>(entry).get();
  }

  std::vector<Key> keys_;
  bool fold_;
};

Result<std::unique_ptr<vm::KeyMatcherImpl>> PrepareRegex(
    const ir::Call& call, const std::vector<vm::RuntimeString>& keys,
    vm::PrepareContext& /*context*/) {
  const std::string_view comparator =
      call.comparator != nullptr ? std::string_view(call.comparator->name) : "i;ascii-casemap";
  if (!RegexComparatorSupported(comparator)) {
    return Error{fmt::format("comparator '{}' cannot be used with :regex", comparator)};
  }
  const bool fold = RegexComparatorFoldsCase(comparator);
  std::vector<RegexKeyMatcher::Key> prepared;
  prepared.reserve(keys.size());
  for (const vm::RuntimeString& key : keys) {
    RegexKeyMatcher::Key& out = prepared.emplace_back();
    if (!key.is_constant()) {
      out.dynamic = key;
      continue;
    }
    auto compiled = CompiledRegex::Compile(key.constant(), fold);
    if (compiled.ok()) {
      out.compiled = std::move(*compiled);
    } else {
      out.error = fmt::format("'{}': {}", key.constant(), compiled.error().message);
    }
  }
  return std::unique_ptr<vm::KeyMatcherImpl>(new RegexKeyMatcher(std::move(prepared), fold));
}

}  // namespace

const vm::MatchTypeRuntime kRegexMatchTypeRuntime{PrepareRegex};

uint64_t RuntimeRegexCompilations() {
  return runtime_compilations.load(std::memory_order_relaxed);
}

bool RegexComparatorSupported(std::string_view comparator) {
  return comparator == "i;octet" || comparator == "i;ascii-casemap";
}

bool RegexComparatorFoldsCase(std::string_view comparator) {
  return comparator == "i;ascii-casemap";
}

}  // namespace sievekit::extensions::regex
