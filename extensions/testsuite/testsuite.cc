// The commands and tests of vnd.dovecot.testsuite, each a thin layer over
// TestsuiteHost (see testsuite.h and testsuite_host.h).
#include "extensions/testsuite/testsuite.h"

#include <iostream>

#include <fmt/format.h>

#include "extensions/testsuite/testsuite_host.h"
#include "ir/ir.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"
#include "vm/program.h"

namespace sievekit::extensions {
namespace {

using ir::ArgType;
using vm::EvalContext;
using vm::RuntimeString;

// The host, or a runtime error when the script runs outside a test run.
TestsuiteHost* HostOf(EvalContext& ctx) {
  auto* host = dynamic_cast<TestsuiteHost*>(ctx.options().host);
  if (host == nullptr) ctx.Fail("testsuite", "the testsuite commands need a test run");
  return host;
}

// Expands a prepared string argument into scratch buffer `slot`.
std::string Text(EvalContext& ctx, const RuntimeString& s, size_t slot) {
  return std::string(ctx.Expand(s, &ctx.scratch(slot)));
}

// A call body as a lambda: most commands are one line over the host.
using Body = bool (*)(EvalContext& ctx, TestsuiteHost& host,
                      const std::vector<RuntimeString>& strings, const ir::Call& call);

class HostCall : public vm::PreparedCall {
 public:
  HostCall(Body body, std::vector<RuntimeString> strings, const ir::Call& call)
      : body_(body), strings_(std::move(strings)), call_(call) {}

  bool Run(EvalContext& ctx) const override {
    TestsuiteHost* host = HostOf(ctx);
    return host != nullptr && body_(ctx, *host, strings_, call_);
  }

 private:
  Body body_;
  std::vector<RuntimeString> strings_;
  const ir::Call& call_;  // owned by the Program, which outlives this
};

// All string positional arguments and string tag parameters, in order.
std::vector<RuntimeString> StringsOf(const ir::Call& call, vm::PrepareContext& context) {
  std::vector<RuntimeString> out;
  for (const ir::TagArgument& tag : call.tags) {
    if (tag.param && tag.param->type == ArgType::kString) out.push_back(context.String(tag.param->strings[0]));
  }
  for (const ir::Value& v : call.positional) {
    if (v.type == ArgType::kString) out.push_back(context.String(v.strings[0]));
    if (v.type == ArgType::kStringList) {
      for (const ir::StringValue& s : v.strings) out.push_back(context.String(s));
    }
  }
  return out;
}

template <Body body>
Result<std::unique_ptr<vm::PreparedCall>> Prepare(const ir::Call& call,
                                                  vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(new HostCall(body, StringsOf(call, context), call));
}

template <Body body>
const vm::CallRuntime kRuntime{Prepare<body>};

// ---- test "name" { ... } ----

class TestBlock : public vm::PreparedCall {
 public:
  explicit TestBlock(RuntimeString name) : name_(std::move(name)) {}

  bool Run(EvalContext& ctx) const override {
    TestsuiteHost* host = HostOf(ctx);
    if (host == nullptr) return false;
    host->BeginTest(Text(ctx, name_, 4), ctx.current_call()->line);
    return true;
  }

  vm::BlockNext EndBlock(EvalContext& ctx, vm::BlockEnd how) const override {
    TestsuiteHost* host = HostOf(ctx);
    if (host == nullptr) return vm::BlockNext::kLeave;
    if (how == vm::BlockEnd::kError) {
      // A runtime error fails this test only; the next one still runs.
      host->FailTest("runtime error: " + ctx.errors().front().message);
      ctx.ClearErrors();
    }
    host->EndTest();
    return vm::BlockNext::kLeave;
  }

 private:
  RuntimeString name_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareTest(const ir::Call& call,
                                                      vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(
      new TestBlock(context.String(call.positional[0].strings[0])));
}
const vm::CallRuntime kTestRuntime{PrepareTest};

// ---- Commands over the host ----

bool TestFail(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
              const ir::Call&) {
  host.FailTest(Text(ctx, s[0], 4));
  ctx.RequestBlockExit();
  return true;
}

bool TestSet(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
             const ir::Call&) {
  const std::string item = Text(ctx, s[0], 4);
  std::string value = Text(ctx, s[1], 5);
  if (item == "message") {
    host.SetMessage(std::move(value));
    ctx.SwitchMessage(host.message(), host.envelope());
  } else if (item == "envelope.from") {
    host.envelope().mail_from = value;
  } else if (item == "envelope.to") {
    host.envelope().rcpt_to = value;
  } else if (item == "envelope.orig_to") {
    host.envelope().original_recipient = value;
  } else if (item == "envelope.auth") {
    host.envelope().auth_user = value;
  } else {
    ctx.Fail("testsuite", fmt::format("test_set: unknown item '{}'", item));
  }
  // The envelope changed in place: the context must not keep values of the
  // old one (vm::OperandCache).
  if (item.starts_with("envelope.")) ctx.SwitchMessage(ctx.message(), host.envelope());
  return true;
}

bool TestConfigSet(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
                   const ir::Call&) {
  host.SetConfig(Text(ctx, s[0], 4), Text(ctx, s[1], 5));
  return true;
}

bool TestConfigUnset(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
                     const ir::Call&) {
  host.UnsetConfig(Text(ctx, s[0], 4));
  return true;
}

bool TestConfigReload(EvalContext&, TestsuiteHost& host, const std::vector<RuntimeString>&,
                      const ir::Call&) {
  host.ReloadConfig();
  return true;
}

// test_message (:smtp | :folder "name") <index>: both a command and a test.
bool TestMessage(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
                 const ir::Call& call) {
  const uint64_t index = call.positional[0].number;
  const bool found = call.HasTag("smtp") ? host.SelectSentMessage(index)
                                         : host.SelectStoredMessage(Text(ctx, s[0], 4), index);
  if (found) ctx.SwitchMessage(host.message(), host.envelope());
  return found;
}

bool TestMessageCommand(EvalContext& ctx, TestsuiteHost& host,
                        const std::vector<RuntimeString>& s, const ir::Call& call) {
  if (!TestMessage(ctx, host, s, call)) {
    ctx.Fail("testsuite", "test_message: no such message");
  }
  return true;
}

bool TestMailboxCreate(EvalContext& ctx, TestsuiteHost& host,
                       const std::vector<RuntimeString>& s, const ir::Call&) {
  return host.CreateMailbox(Text(ctx, s[0], 4));
}

bool TestMailboxDelete(EvalContext& ctx, TestsuiteHost& host,
                       const std::vector<RuntimeString>& s, const ir::Call&) {
  host.DeleteMailbox(Text(ctx, s[0], 4));
  return true;
}

bool TestScriptCompile(EvalContext& ctx, TestsuiteHost& host,
                       const std::vector<RuntimeString>& s, const ir::Call&) {
  return host.Compile(Text(ctx, s[0], 4));
}

bool TestScriptRun(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>&,
                   const ir::Call& call) {
  return host.Run(ctx.mutable_actions(), call.HasTag("append_result"));
}

bool TestMultiscript(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
                     const ir::Call&) {
  std::vector<std::string> paths;
  for (size_t i = 0; i < s.size(); ++i) paths.push_back(Text(ctx, s[i], 4));
  // The sequence is delivered as a whole, with a result of its own: the
  // test file's result is left as it was.
  vm::ActionList result;
  return host.RunSequence(paths, result) && host.Execute(result);
}

bool TestResultExecute(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>&,
                       const ir::Call&) {
  return host.Execute(ctx.actions());
}

bool TestResultReset(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>&,
                     const ir::Call&) {
  ctx.mutable_actions().Clear();
  host.ResetResult();
  return true;
}

// Shows the current result on stderr, for people debugging a test file.
bool TestResultPrint(EvalContext& ctx, TestsuiteHost&, const std::vector<RuntimeString>&,
                     const ir::Call&) {
  for (const vm::Action& a : ctx.actions().all()) {
    std::cerr << fmt::format("test_result_print: {} {}{}\n", a.type, a.mailbox, a.address);
  }
  return true;
}

bool TestBinarySave(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
                    const ir::Call&) {
  host.SaveBinary(Text(ctx, s[0], 4));
  return true;
}

bool TestBinaryLoad(EvalContext& ctx, TestsuiteHost& host, const std::vector<RuntimeString>& s,
                    const ir::Call&) {
  if (!host.LoadBinary(Text(ctx, s[0], 4))) {
    ctx.Fail("testsuite", "test_binary_load: " + host.errors().front());
  }
  return true;
}

// ---- Tests that match lists of strings (errors, action names) ----

// Matches keys against one item (:index N, 1-based) or any item; :count
// counts the items.
class ListMatch : public vm::PreparedCall {
 public:
  using Items = std::vector<std::string> (*)(EvalContext& ctx, TestsuiteHost& host);
  ListMatch(Items items, vm::KeyMatcher keys, std::optional<uint64_t> index)
      : items_(items), keys_(std::move(keys)), index_(index) {}

  bool Run(EvalContext& ctx) const override {
    TestsuiteHost* host = HostOf(ctx);
    if (host == nullptr) return false;
    const std::vector<std::string> items = items_(ctx, *host);
    if (keys_.is_count()) return keys_.MatchCount(ctx, items.size());
    if (index_) {
      return *index_ >= 1 && *index_ <= items.size() && keys_.Match(ctx, items[*index_ - 1]);
    }
    for (const std::string& item : items) {
      if (keys_.Match(ctx, item)) return true;
    }
    return false;
  }

 private:
  Items items_;
  vm::KeyMatcher keys_;
  std::optional<uint64_t> index_;
};

std::vector<std::string> Errors(EvalContext&, TestsuiteHost& host) { return host.errors(); }

// Pigeonhole's names for actions: fileinto stores.
std::vector<std::string> ActionNames(EvalContext& ctx, TestsuiteHost&) {
  std::vector<std::string> out;
  for (const vm::Action& a : ctx.actions().all()) {
    out.push_back(a.type == "fileinto" ? "store" : std::string(a.type));
  }
  return out;
}

template <ListMatch::Items items>
Result<std::unique_ptr<vm::PreparedCall>> PrepareListMatch(const ir::Call& call,
                                                           vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[0], context);
  if (!keys.ok()) return keys.error();
  std::optional<uint64_t> index;
  if (const ir::TagArgument* tag = call.FindTag("index")) index = tag->param->number;
  return std::unique_ptr<vm::PreparedCall>(new ListMatch(items, std::move(*keys), index));
}

const vm::CallRuntime kTestErrorRuntime{PrepareListMatch<Errors>};
const vm::CallRuntime kTestResultActionRuntime{PrepareListMatch<ActionNames>};

void Register(ir::ExtensionBuilder& b) {
  auto command = [&](const char* name, std::vector<ir::PositionalSpec> positional,
                     const vm::CallRuntime* runtime) -> ir::CallSpec& {
    ir::CallSpec& spec = b.Command(name);
    spec.positional = std::move(positional);
    spec.runtime = runtime;
    return spec;
  };
  auto test = [&](const char* name, std::vector<ir::PositionalSpec> positional,
                  const vm::CallRuntime* runtime) -> ir::CallSpec& {
    ir::CallSpec& spec = b.Test(name);
    spec.positional = std::move(positional);
    spec.runtime = runtime;
    return spec;
  };
  const ArgType kString = ArgType::kString;
  ir::CallSpec& test_block = command("test", {{"test name", kString}}, &kTestRuntime);
  test_block.takes_block = true;
  command("test_fail", {{"reason", kString}}, &kRuntime<TestFail>);
  command("test_set", {{"item", kString}, {"value", kString}}, &kRuntime<TestSet>);
  command("test_config_set", {{"setting", kString}, {"value", kString}},
          &kRuntime<TestConfigSet>);
  command("test_config_unset", {{"setting", kString}}, &kRuntime<TestConfigUnset>);
  command("test_config_reload", {}, &kRuntime<TestConfigReload>);
  b.Tag("test_config_reload", "extension", kString, "an extension name");
  command("test_message", {{"index", ArgType::kNumber}}, &kRuntime<TestMessageCommand>)
      .required_groups = {"message-source"};
  test("test_message", {{"index", ArgType::kNumber}}, &kRuntime<TestMessage>).required_groups = {
      "message-source"};
  b.Tag("test_message", "smtp", std::nullopt, {}, "message-source");
  b.Tag("test_message", "folder", kString, "a mailbox name", "message-source");
  command("test_mailbox_create", {{"mailbox", kString}}, &kRuntime<TestMailboxCreate>);
  command("test_mailbox_delete", {{"mailbox", kString}}, &kRuntime<TestMailboxDelete>);
  test("test_script_compile", {{"script", kString}}, &kRuntime<TestScriptCompile>);
  test("test_script_run", {}, &kRuntime<TestScriptRun>);
  b.Tag("test_script_run", "append_result");
  test("test_multiscript", {{"scripts", ArgType::kStringList}}, &kRuntime<TestMultiscript>);
  test("test_result_execute", {}, &kRuntime<TestResultExecute>);
  command("test_result_reset", {}, &kRuntime<TestResultReset>);
  command("test_result_print", {}, &kRuntime<TestResultPrint>);
  command("test_binary_save", {{"name", kString}}, &kRuntime<TestBinarySave>);
  command("test_binary_load", {{"name", kString}}, &kRuntime<TestBinaryLoad>);
  for (const char* name : {"test_error", "test_result_action"}) {
    ir::CallSpec& spec = test(name, {{"key list", ArgType::kStringList}},
                              std::string_view(name) == "test_error" ? &kTestErrorRuntime
                                                                     : &kTestResultActionRuntime);
    spec.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
    b.Tag(name, "index", ArgType::kNumber, "an index");
  }
}

}  // namespace

void RegisterTestsuite(ir::Registry& registry) {
  registry.Register({"vnd.dovecot.testsuite", /*always_enabled=*/false, /*testsuite_only=*/true},
                    Register);
}

}  // namespace sievekit::extensions
