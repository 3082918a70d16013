// Registration and run time of spamtest, spamtestplus and virustest
// (RFC 5235).
//
// The `spamtest` test belongs to two capabilities: "spamtest" and
// "spamtestplus" both provide it (§3.2), and only "spamtestplus" adds
// :percent. The registry keys a test by name and gives it one owning
// extension, so `spamtest` is declared without an owner and its validate
// hook asks for either capability; :percent is owned by "spamtestplus", so
// the validator itself refuses it without that require (§3.2: "MUST return
// an error"). The same pattern serves `notify` (extensions/notify).
//
// The normalised result (§3.1) is the bare number: "0" when the message
// was not tested, else the level (1..10, virustest 1..5) or the percentage
// (0..100). Its :count is 1 when the message was tested, 0 when not. The
// headers read are the host's configuration (SpamTestConfig in
// EvalOptions::extension_config); a script cannot change them.
#include "extensions/spamtest/spamtest.h"

#include <array>
#include <charconv>

#include "common/diagnostic.h"
#include "extensions/spamtest/spam_config.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kSpamtestRequire{
    "missing-require", Severity::kError,
    "test 'spamtest' needs the extension 'spamtest' or 'spamtestplus', which is not required"};

void ValidateSpamtest(ir::ValidationContext& context, ir::Call& call) {
  if (!context.IsEnabled("spamtest") && !context.IsEnabled("spamtestplus")) {
    context.Report(kSpamtestRequire, call.name_span)
        .Note("add require \"spamtest\" (or \"spamtestplus\" for :percent)");
  }
}

enum class Kind : uint8_t { kSpam, kSpamPercent, kVirus };

class ScoreTest final : public vm::PreparedCall {
 public:
  ScoreTest(Kind kind, vm::KeyMatcher keys) : kind_(kind), keys_(std::move(keys)) {}

  bool Run(vm::EvalContext& ctx) const override {
    const SpamTestConfig& config = ctx.options().extension_config.Get<SpamTestConfig>();
    const bool virus = kind_ == Kind::kVirus;
    const int top = virus ? 5 : 10;
    const Measurement m = Measure(ctx.message(), virus ? config.virus : config.spam, top);
    if (keys_.is_count()) return keys_.MatchCount(ctx, m.tested ? 1 : 0);
    const int value = kind_ == Kind::kSpamPercent ? PercentOf(m, top) : LevelOf(m, top);
    std::array<char, 8> digits;
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    if (ctx.tracing()) {
      ctx.Trace(std::string(virus ? "virustest" : "spamtest") + " result " +
                std::string(digits.data(), end.ptr));
    }
    return keys_.Match(ctx, std::string_view(digits.data(), end.ptr));
  }

 private:
  Kind kind_;
  vm::KeyMatcher keys_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareSpamtest(const ir::Call& call,
                                                          vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[0], context);
  if (!keys.ok()) return keys.error();
  const Kind kind = call.HasTag("percent") ? Kind::kSpamPercent : Kind::kSpam;
  return std::unique_ptr<vm::PreparedCall>(new ScoreTest(kind, std::move(*keys)));
}

Result<std::unique_ptr<vm::PreparedCall>> PrepareVirustest(const ir::Call& call,
                                                           vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[0], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(new ScoreTest(Kind::kVirus, std::move(*keys)));
}

const vm::CallRuntime kSpamtestRuntime{PrepareSpamtest};
const vm::CallRuntime kVirustestRuntime{PrepareVirustest};

void DeclareScoreTest(ir::CallSpec& spec, const vm::CallRuntime* runtime) {
  spec.positional = {{"value", ir::ArgType::kString}};
  spec.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
  spec.runtime = runtime;
}

}  // namespace

void RegisterSpamtest(ir::Registry& registry) {
  registry.Register({"spamtest", false, false}, [](ir::ExtensionBuilder&) {});
  registry.Register({"spamtestplus", false, false}, [](ir::ExtensionBuilder& b) {
    b.Tag("spamtest", "percent");
  });
  // Owned by neither capability (see above): the hook checks the require.
  registry.Register({}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& spamtest = b.Test("spamtest");
    DeclareScoreTest(spamtest, &kSpamtestRuntime);
    spamtest.validate = ValidateSpamtest;
  });
  registry.Register({"virustest", false, false}, [](ir::ExtensionBuilder& b) {
    DeclareScoreTest(b.Test("virustest"), &kVirustestRuntime);
  });
}

}  // namespace sievekit::extensions
