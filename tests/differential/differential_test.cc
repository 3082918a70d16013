// The differential test (DESIGN.md §11): generated scripts × generated
// messages, each pair run by the VM (vm::GenerateProgram + vm::Evaluator)
// and by the reference evaluator, which must agree on every action (type,
// mailbox, address, :copy), on the implicit keep and on runtime errors.
//
// A disagreement is shrunk (script and message made smaller while the two
// still disagree) and printed with the script, the message, the envelope and
// both results, so that it can be turned into a unit test directly. The
// whole run must stay within a few seconds: it is part of `make check`.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "mail/envelope.h"
#include "tests/differential/message_generator.h"
#include "tests/differential/reference_evaluator.h"
#include "tests/differential/script_generator.h"
#include "vm/codegen.h"
#include "vm/evaluator.h"

namespace sievekit::differential {
namespace {

// Scripts per run; SIEVEKIT_DIFFERENTIAL_SCRIPTS=N runs N instead, for a
// longer search away from `make check`.
constexpr uint64_t kDefaultScripts = 1000;
constexpr uint64_t kMessagesPerScript = 10;
constexpr size_t kMaxReported = 5;
constexpr size_t kMaxShrinkChecks = 3000;

// The VM's result in the words of DescribeReferenceResult.
std::string DescribeVmResult(const vm::EvalResult& result) {
  std::string out;
  auto add = [&out](const std::string& item) {
    if (!out.empty()) out += ' ';
    out += item;
  };
  if (!result.errors.empty()) add("error:" + std::string(result.errors.front().id));
  for (const vm::Action& a : result.actions) {
    std::string item(a.type);
    if (!a.mailbox.empty()) item += ":" + a.mailbox;
    if (!a.address.empty()) item += ":" + a.address;
    if (a.copy) item += "(copy)";
    add(item);
  }
  if (result.implicit_keep) add("keep*");
  return out;
}

struct Compiled {
  ir::FrontendResult front;
  std::shared_ptr<const vm::Program> program;
  std::string diagnostics;
};

Compiled Compile(const std::string& text) {
  Compiled out{ir::RunFrontend(std::make_shared<const SourceFile>("generated.sieve", text),
                               extensions::DefaultRegistry()),
               nullptr, ""};
  for (const Diagnostic& d : out.front.diagnostics.all()) {
    out.diagnostics += std::string(d.id()) + ": " + d.message + "\n";
  }
  if (!out.front.ok()) return out;
  auto program = vm::GenerateProgram(out.front.script, extensions::DefaultRegistry());
  if (!program.ok()) {
    out.diagnostics += "codegen: " + program.error().message + "\n";
    return out;
  }
  out.program = *program;
  return out;
}

// The site policies pairs run under, in turn: the defaults; tight limits,
// so that the runtime errors of too many redirects or actions come up; and
// another default mailbox and subaddress separator, so that keep is not
// "INBOX" and details split elsewhere.
struct Policy {
  vm::EvalOptions vm;
  ReferenceOptions reference;
};

std::vector<Policy> Policies() {
  std::vector<Policy> policies(3);
  policies[1].vm.limits.max_redirects = policies[1].reference.max_redirects = 1;
  policies[1].vm.limits.max_actions = policies[1].reference.max_actions = 3;
  policies[2].vm.default_mailbox = policies[2].reference.default_mailbox = "Work";
  policies[2].vm.subaddress_separators = policies[2].reference.subaddress_separator = "-";
  return policies;
}

struct Outcome {
  std::string vm;
  std::string reference;
  bool agree() const { return vm == reference; }
};

Outcome RunBoth(const Compiled& compiled, vm::Evaluator& evaluator, const std::string& bytes,
                const mail::Envelope& envelope, const Policy& policy) {
  Outcome outcome;
  outcome.vm = DescribeVmResult(evaluator.Evaluate(*compiled.program, bytes, envelope, policy.vm));
  outcome.reference = DescribeReferenceResult(
      EvaluateReference(compiled.front.script, bytes, envelope, policy.reference));
  return outcome;
}

// Whether the pair still shows a disagreement (a script that no longer
// compiles does not).
bool Disagrees(const GeneratedScript& script, const GeneratedMessage& message, const Policy& policy,
               vm::Evaluator& evaluator) {
  const Compiled compiled = Compile(script.Render());
  if (compiled.program == nullptr) return false;
  return !RunBoth(compiled, evaluator, message.Render(), message.envelope, policy).agree();
}

// Greedy shrinking: take the first simpler script or message that still
// disagrees, until none does or the budget is spent.
void Shrink(GeneratedScript& script, GeneratedMessage& message, const Policy& policy,
            vm::Evaluator& evaluator) {
  size_t checks = 0;
  bool progress = true;
  while (progress && checks < kMaxShrinkChecks) {
    progress = false;
    for (GeneratedScript& simpler : SimplerScripts(script)) {
      if (++checks > kMaxShrinkChecks) break;
      if (Disagrees(simpler, message, policy, evaluator)) {
        script = std::move(simpler);
        progress = true;
        break;
      }
    }
    if (progress) continue;
    for (GeneratedMessage& simpler : SimplerMessages(message)) {
      if (++checks > kMaxShrinkChecks) break;
      if (Disagrees(script, simpler, policy, evaluator)) {
        message = std::move(simpler);
        progress = true;
        break;
      }
    }
  }
}

std::string Report(uint64_t script_seed, uint64_t message_seed, size_t policy_index,
                   const GeneratedScript& script, const GeneratedMessage& message,
                   vm::Evaluator& evaluator) {
  const Policy policy = Policies()[policy_index];  // a copy: Policies() is a temporary
  const Compiled compiled = Compile(script.Render());
  const std::string bytes = message.Render();
  const Outcome outcome = RunBoth(compiled, evaluator, bytes, message.envelope, policy);
  return "script seed " + std::to_string(script_seed) + ", message seed " +
         std::to_string(message_seed) + ", policy " + std::to_string(policy_index) +
         " (default mailbox " + policy.reference.default_mailbox + ", separator " +
         policy.reference.subaddress_separator + ", max redirects " +
         std::to_string(policy.reference.max_redirects) + ", max actions " +
         std::to_string(policy.reference.max_actions) + "), shrunk\n--- script\n" +
         script.Render() + "--- message (" + std::to_string(bytes.size()) + " bytes)\n" + bytes +
         "\n--- envelope\n" + DescribeEnvelope(message.envelope) +
         "\n--- vm:        " + outcome.vm + "\n--- reference: " + outcome.reference + "\n";
}

uint64_t ScriptCount() {
  const char* value = std::getenv("SIEVEKIT_DIFFERENTIAL_SCRIPTS");
  if (value == nullptr || *value == '\0') return kDefaultScripts;
  return std::strtoull(value, nullptr, 10);
}

TEST(DifferentialTest, VmAgreesWithReferenceEvaluatorOnGeneratedPairs) {
  const auto start = std::chrono::steady_clock::now();
  const uint64_t scripts = ScriptCount();
  vm::Evaluator evaluator;
  const std::vector<Policy> policies = Policies();
  uint64_t pairs = 0;
  uint64_t agreements = 0;
  uint64_t implicit_keeps = 0;
  uint64_t errors = 0;
  size_t reported = 0;
  for (uint64_t s = 0; s < scripts; ++s) {
    const GeneratedScript script = GenerateScript(s);
    const std::string text = script.Render();
    const Compiled compiled = Compile(text);
    ASSERT_NE(compiled.program, nullptr) << "generated script " << s << " does not compile:\n"
                                         << text << compiled.diagnostics;
    for (uint64_t m = 0; m < kMessagesPerScript; ++m) {
      const uint64_t message_seed = s * kMessagesPerScript + m;
      const GeneratedMessage message = GenerateMessage(message_seed);
      const size_t policy = message_seed % policies.size();
      const Outcome outcome =
          RunBoth(compiled, evaluator, message.Render(), message.envelope, policies[policy]);
      ++pairs;
      if (outcome.reference.ends_with("keep*")) ++implicit_keeps;
      if (outcome.reference.starts_with("error:")) ++errors;
      if (outcome.agree()) {
        ++agreements;
        continue;
      }
      if (reported++ < kMaxReported) {
        GeneratedScript small_script = script;
        GeneratedMessage small_message = message;
        Shrink(small_script, small_message, policies[policy], evaluator);
        ADD_FAILURE() << "the VM and the reference evaluator disagree\n"
                      << Report(s, message_seed, policy, small_script, small_message, evaluator)
                      << "--- original script\n"
                      << text;
      }
    }
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  std::printf(
      "differential: %llu pairs, %llu agree, %llu with the implicit keep, %llu runtime "
      "errors, %lld ms\n",
      static_cast<unsigned long long>(pairs), static_cast<unsigned long long>(agreements),
      static_cast<unsigned long long>(implicit_keeps), static_cast<unsigned long long>(errors),
      static_cast<long long>(elapsed.count()));
  EXPECT_EQ(agreements, pairs);
  if (scripts == kDefaultScripts) {
    EXPECT_GE(pairs, 5000u);
  }
}

}  // namespace
}  // namespace sievekit::differential
