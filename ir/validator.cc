// The validator proper: control flow (require, if/elsif/else, stop), the
// built-in tests (true, false, not, anyof, allof), and dispatch of every other
// command and test to the registry through ValidateCall.
//
// Tests with a guard hook (ihave, RFC 5463) are folded into true or false
// here: extensions they guarantee are enabled for the code they guard, and
// the block of a condition that can never be true is left unvalidated (it
// may use extensions this host lacks, and it never runs).
//
// One mistake should produce one error: a misplaced or malformed `require`
// is not also checked for extension names, a run of orphaned elsif/else
// blocks gets one error, and a call whose arguments are already wrong is not
// also blamed for a stray test.
#include "ir/validator.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "common/diagnostic_catalogue.h"
#include "common/suggest.h"
#include "ir/call_validator.h"

namespace sievekit::ir {
namespace {

constexpr std::array<std::string_view, 5> kControlCommands = {"require", "if", "elsif", "else",
                                                              "stop"};
constexpr std::array<std::string_view, 5> kControlTests = {"true", "false", "not", "anyof",
                                                           "allof"};

bool IsOneOf(std::string_view lower, std::span<const std::string_view> names) {
  return std::find(names.begin(), names.end(), lower) != names.end();
}

std::string_view DescribeArgument(const syntax::Argument& a) {
  if (a.IsTag()) return "a tagged argument";
  if (a.IsNumber()) return "a number";
  return a.bracketed ? "a string list" : "a string";
}

// What a condition tells the validator about the code it guards.
struct Guard {
  std::vector<const ExtensionSpec*> enables;  // usable wherever it is true
  bool never_true = false;                    // known false at compile time
};

class Validator {
 public:
  Validator(const syntax::SyntaxTree& tree, const Registry& registry,
            const CompileOptions& options, Diagnostics& diagnostics)
      : tree_(tree), context_(registry, options, *tree.source, diagnostics) {}

  Script Run() {
    script_.source = tree_.source;
    script_.body = ValidateBlock(tree_.commands, /*top_level=*/true);
    if (Stopped()) context_.diagnostics().MarkTruncated();
    return std::move(script_);
  }

 private:
  const Registry& registry() const { return context_.registry(); }
  bool Stopped() { return context_.diagnostics().AtErrorCap(); }
  Span NameSpan(uint32_t token) const { return tree_.tokens[token].span; }

  std::vector<Statement> ValidateBlock(const std::vector<syntax::Command>& commands,
                                       bool top_level) {
    std::vector<Statement> out;
    out.reserve(commands.size());  // at most one statement per command
    bool seen_other_command = false;
    bool in_orphan_chain = false;  // after an elsif/else without if
    for (size_t i = 0; i < commands.size() && !Stopped(); ++i) {
      const syntax::Command& c = commands[i];
      // Compared without a lowered copy: most names differ in length.
      auto is = [&c](std::string_view lower) { return EqualsAsciiLower(lower, c.name); };
      const bool continues_chain = is("elsif") || is("else");
      if (!continues_chain) in_orphan_chain = false;
      if (is("require")) {
        ValidateRequire(c, top_level, seen_other_command);
        continue;
      }
      seen_other_command = true;
      if (is("if")) {
        ValidateIfChain(commands, &i, out.emplace_back());
      } else if (continues_chain) {
        if (!in_orphan_chain) {
          context_.Report(diag::kElseWithoutIf, NameSpan(c.identifier_token), c.name);
        }
        in_orphan_chain = true;
        // Validate the body anyway, so errors inside it are not hidden.
        if (c.block) ValidateBlock(c.block->commands, false);
      } else if (is("stop")) {
        ValidateStop(c);
        Statement& s = out.emplace_back();
        s.kind = Statement::Kind::kStop;
        s.span = c.span;
      } else {
        // Built in place; dropped again when the command is unknown. (No
        // reallocation can move it meanwhile: `out` has room for every
        // command, and nested blocks fill vectors of their own.)
        Statement& s = out.emplace_back();
        s.kind = Statement::Kind::kCall;
        s.span = c.span;
        if (!ValidateCommandCall(c, s.call)) out.pop_back();
      }
    }
    return out;
  }

  void ValidateStop(const syntax::Command& c) {
    const bool arguments_ok = CheckNoArguments(c.name, "command", c.arguments);
    if (arguments_ok) CheckStrayTests(c);
    CheckNoBlock(c);
  }

  void ValidateRequire(const syntax::Command& c, bool top_level, bool seen_other_command) {
    const Span name_span = NameSpan(c.identifier_token);
    if (!top_level) {
      context_.Report(diag::kRequireInBlock, name_span);
      return;
    }
    if (!c.tests.empty()) {
      CheckStrayTests(c);
      return;
    }
    if (c.block) {
      CheckNoBlock(c);
      return;
    }
    if (c.arguments.empty()) {
      context_.Report(diag::kMissingArgument, name_span, c.name, "command", 1, "", 0, "were");
      return;
    }
    if (!c.arguments[0].IsStringList()) {
      context_.Report(diag::kWrongArgumentType, c.arguments[0].span, c.name, "command",
                      "a string list", 1, "capabilities", DescribeArgument(c.arguments[0]));
      return;
    }
    if (c.arguments.size() > 1) {
      context_.Report(diag::kTooManyArguments, c.arguments[1].span, c.name, "command",
                      "1 positional argument");
      return;
    }
    if (seen_other_command) context_.Report(diag::kRequireNotFirst, name_span);
    for (const syntax::StringLiteral& s : c.arguments[0].strings) {
      const ExtensionSpec* extension = registry().FindExtension(s.value);
      if (extension == nullptr || !context_.IsAvailable(*extension)) {
        Diagnostic& d = context_.Report(diag::kUnknownExtension, s.span, s.value);
        std::vector<std::string_view> names;
        for (std::string_view n : registry().ExtensionNames()) {
          if (context_.IsAvailable(*registry().FindExtension(n))) names.push_back(n);
        }
        const CallSpec* command = registry().FindCommand(s.value);
        if (auto best = SuggestClosest(s.value, names)) {
          d.Note(fmt::format("did you mean '{}'?", *best));
        } else if (command != nullptr && command->extension == nullptr) {
          d.Note(fmt::format("'{}' is part of the base language and needs no require", s.value));
        }
        continue;
      }
      if (std::find(script_.required.begin(), script_.required.end(), extension) ==
          script_.required.end()) {
        script_.required.push_back(extension);
      }
      context_.Enable(extension);
    }
  }

  // Fills in `s`, a default-constructed Statement.
  void ValidateIfChain(const std::vector<syntax::Command>& commands, size_t* index, Statement& s) {
    s.kind = Statement::Kind::kIf;
    s.span = commands[*index].span;
    for (;;) {
      const syntax::Command& c = commands[*index];
      s.span = s.span.Cover(c.span);
      Branch& branch = s.branches.emplace_back();
      branch.span = c.span;
      Guard guard;
      if (CheckNoArguments(c.name, "command", c.arguments)) {
        ValidateConditionOf(c, &guard, branch.condition);
      }
      if (!c.block) {
        context_.Report(diag::kMissingBlock, c.span, c.name);
      } else if (!guard.never_true) {
        const std::vector<const ExtensionSpec*> enabled = EnableAll(guard.enables);
        branch.body = ValidateBlock(c.block->commands, false);
        DisableAll(enabled);
      }
      if (*index + 1 >= commands.size()) break;
      const syntax::Command& next = commands[*index + 1];
      if (EqualsAsciiLower("elsif", next.name)) {
        ++*index;
        continue;
      }
      if (EqualsAsciiLower("else", next.name)) {
        ++*index;
        s.span = s.span.Cover(next.span);
        if (CheckNoArguments(next.name, "command", next.arguments)) {
          CheckElseTests(next);
        }
        if (!next.block) {
          context_.Report(diag::kMissingBlock, next.span, next.name);
          s.else_body.emplace();
        } else {
          s.else_body = ValidateBlock(next.block->commands, false);
        }
      }
      break;
    }
  }

  // Enables those of `extensions` not enabled yet; returns them, for
  // DisableAll at the end of the guarded code.
  std::vector<const ExtensionSpec*> EnableAll(const std::vector<const ExtensionSpec*>& extensions) {
    std::vector<const ExtensionSpec*> enabled;
    for (const ExtensionSpec* e : extensions) {
      if (context_.IsEnabled(e)) continue;
      context_.Enable(e);
      enabled.push_back(e);
    }
    return enabled;
  }

  void DisableAll(const std::vector<const ExtensionSpec*>& extensions) {
    for (const ExtensionSpec* e : extensions) context_.Disable(e);
  }

  // The single test of an if or elsif, into `out` (default-constructed,
  // and left so when there is no single test).
  void ValidateConditionOf(const syntax::Command& c, Guard* guard, Test& out) {
    if (c.tests.empty()) {
      context_.Report(diag::kMissingTest, NameSpan(c.identifier_token), c.name, "command",
                      "a test");
      return;
    }
    if (c.test_list) {
      context_.Report(diag::kMissingTest, c.tests.front().span, c.name, "command",
                      "a single test, not a test list (use anyof or allof)");
      return;
    }
    ValidateTest(c.tests.front(), guard, out);
  }

  // Validates a test into `out` (default-constructed: tests are built in
  // place in the IR); `guard` receives what the test guarantees where it is
  // true.
  void ValidateTest(const syntax::Test& t, Guard* guard, Test& out) {
    out.span = t.span;
    // Compared without a lowered copy: most names differ in length.
    auto is = [&t](std::string_view lower) { return EqualsAsciiLower(lower, t.name); };
    const Span name_span = NameSpan(t.identifier_token);
    if (is("true") || is("false")) {
      out.kind = is("true") ? Test::Kind::kTrue : Test::Kind::kFalse;
      if (CheckNoArguments(t.name, "test", t.arguments)) CheckNoTests(t.name, "test", t.tests);
      return;
    }
    if (is("not") || is("anyof") || is("allof")) {
      out.kind = is("not")     ? Test::Kind::kNot
                 : is("anyof") ? Test::Kind::kAnyOf
                               : Test::Kind::kAllOf;
      if (!CheckNoArguments(t.name, "test", t.arguments)) return;
      const bool want_list = out.kind != Test::Kind::kNot;
      if (t.tests.empty() || t.test_list != want_list) {
        context_.Report(diag::kMissingTest, t.tests.empty() ? name_span : t.tests.front().span,
                        t.name, "test",
                        want_list ? "a test list in parentheses" : "a single test");
        return;
      }
      if (out.kind == Test::Kind::kAllOf) {
        ValidateAllOf(t, out, guard);
        return;
      }
      // Where `not` or `anyof` is true, no child is known to be true.
      bool never_true = out.kind == Test::Kind::kAnyOf;
      // Reserved so that no child moves while a later one is validated.
      out.children.reserve(t.tests.size());
      for (const syntax::Test& child : t.tests) {
        Guard child_guard;
        ValidateTest(child, &child_guard, out.children.emplace_back());
        never_true = never_true && child_guard.never_true;
      }
      guard->never_true = never_true;
      return;
    }
    out.kind = Test::Kind::kFalse;
    const CallSpec* spec = registry().FindTest(t.name);
    if (spec == nullptr || !Offered(*spec)) {
      ReportUnknown(t.name, name_span, /*as_test=*/true);
      return;
    }
    if (spec->extension != nullptr && !context_.IsEnabled(spec->extension)) {
      ReportMissingRequire(context_, name_span, "test", spec->name, *spec->extension);
      return;
    }
    bool ok = false;
    ValidateCallInto(context_, *spec, t.name, t.span, name_span, t.arguments, &out.call, &ok);
    CheckSubTests(*spec, t.name, t.arguments, t.tests, name_span, ok);
    out.kind = Test::Kind::kCall;
    if (ok && spec->guard) FoldGuard(out, guard);
  }

  // allof evaluates its tests left to right and stops at the first false
  // one (RFC 5463 §4 item 5), so what a test guarantees holds for the tests
  // after it, and once one is known false the rest never run.
  void ValidateAllOf(const syntax::Test& t, Test& out, Guard* guard) {
    std::vector<const ExtensionSpec*> enabled;
    out.children.reserve(t.tests.size());  // no child moves while the next is validated
    for (const syntax::Test& child : t.tests) {
      Guard child_guard;
      ValidateTest(child, &child_guard, out.children.emplace_back());
      if (child_guard.never_true) {
        guard->never_true = true;
        break;
      }
      guard->enables.insert(guard->enables.end(), child_guard.enables.begin(),
                            child_guard.enables.end());
      const std::vector<const ExtensionSpec*> now_enabled = EnableAll(child_guard.enables);
      enabled.insert(enabled.end(), now_enabled.begin(), now_enabled.end());
    }
    DisableAll(enabled);
    if (guard->never_true) {
      out.kind = Test::Kind::kFalse;
      out.children.clear();
    }
  }

  // Replaces a guard test by its compile-time value. An extension it makes
  // usable joins the script's requirements, so that run-time hooks of the
  // extension (action decorators) apply as if it had been required.
  void FoldGuard(Test& test, Guard* guard) {
    std::vector<const ExtensionSpec*> enables;
    const bool value = test.call.spec->guard(context_, test.call, &enables);
    test.kind = value ? Test::Kind::kTrue : Test::Kind::kFalse;
    test.call = Call{};
    if (!value) {
      guard->never_true = true;
      return;
    }
    for (const ExtensionSpec* e : enables) {
      if (std::find(script_.required.begin(), script_.required.end(), e) ==
          script_.required.end()) {
        script_.required.push_back(e);
      }
    }
    guard->enables = std::move(enables);
  }

  // Validates a registered command into `call` (default-constructed);
  // false when the command is unknown or not enabled, with `call` unused.
  bool ValidateCommandCall(const syntax::Command& c, Call& call) {
    const Span name_span = NameSpan(c.identifier_token);
    const CallSpec* spec = registry().FindCommand(c.name);
    if (spec == nullptr || !Offered(*spec)) {
      ReportUnknown(c.name, name_span, /*as_test=*/false);
      if (c.block) ValidateBlock(c.block->commands, false);
      return false;
    }
    if (spec->extension != nullptr && !context_.IsEnabled(spec->extension)) {
      ReportMissingRequire(context_, name_span, "command", spec->name, *spec->extension);
      return false;
    }
    bool ok = false;
    ValidateCallInto(context_, *spec, c.name, c.span, name_span, c.arguments, &call, &ok);
    CheckSubTests(*spec, c.name, c.arguments, c.tests, name_span, ok);
    if (spec->takes_block) {
      if (!c.block) {
        context_.Report(diag::kMissingBlock, c.span, c.name);
      } else {
        call.block = ValidateBlock(c.block->commands, false);
      }
    } else {
      CheckNoBlock(c);
    }
    return true;
  }

  // Registered calls take no tests. A "test" that is really one of the
  // call's own tags written without its colon, or a command that lost the
  // ';' before it, gets a message saying so.
  void CheckSubTests(const CallSpec& spec, std::string_view written,
                     const std::vector<syntax::Argument>& arguments,
                     const std::vector<syntax::Test>& tests, Span name_span, bool signature_ok) {
    if (tests.empty()) return;
    const syntax::Test& first = tests.front();
    const std::string first_name = AsciiLower(first.name);
    const std::string_view kind = KindName(spec.kind);
    if (registry().FindTag(spec, first_name) != nullptr) {
      context_.Report(diag::kMissingColon, NameSpan(first.identifier_token), first.name, written,
                      kind);
      return;
    }
    if (signature_ok) {
      CheckStrayTests(written, kind, arguments, tests, name_span);
    } else if (registry().FindTest(first_name) == nullptr &&
               !IsOneOf(first_name, kControlTests) &&
               registry().FindCommand(first_name) == nullptr &&
               !IsOneOf(first_name, kControlCommands)) {
      // After a signature error a stray test is likely a misread argument
      // (or a command after a forgotten ';') and is not reported as such,
      // but a name that is no test or command at all is an error whatever
      // the arguments before it.
      ReportUnknown(first.name, NameSpan(first.identifier_token), /*as_test=*/true);
    }
  }

  // A test after a call that takes none. After a command, a name that is not
  // a test is most likely the next command with the ';' before it forgotten.
  void CheckStrayTests(std::string_view written, std::string_view kind,
                       const std::vector<syntax::Argument>& arguments,
                       const std::vector<syntax::Test>& tests, Span name_span) {
    if (tests.empty()) return;
    const std::string first_name = AsciiLower(tests.front().name);
    const bool known_test =
        registry().FindTest(first_name) != nullptr || IsOneOf(first_name, kControlTests);
    if (kind == "command" && !known_test) {
      const uint32_t after = arguments.empty() ? name_span.end : arguments.back().span.end;
      context_.Report(diag::kMissingSemicolon, Span{after, after}, written);
      return;
    }
    CheckNoTests(written, kind, tests);
  }
  // "else if" is the usual slip for elsif.
  void CheckElseTests(const syntax::Command& c) {
    Diagnostic* d = CheckNoTests(c.name, "command", c.tests);
    if (d != nullptr && AsciiLower(c.tests.front().name) == "if") {
      d->Note("write 'elsif' instead of 'else if'");
    }
  }
  void CheckStrayTests(const syntax::Command& c) {
    CheckStrayTests(c.name, "command", c.arguments, c.tests, NameSpan(c.identifier_token));
  }

  // Whether the host offers the call's extension at all (a testsuite command
  // outside a test run is simply unknown).
  bool Offered(const CallSpec& spec) const {
    return spec.extension == nullptr || context_.IsAvailable(*spec.extension);
  }

  void ReportUnknown(std::string_view written, Span span, bool as_test) {
    const std::string lower = AsciiLower(written);
    const CallSpec* other = as_test ? registry().FindCommand(lower) : registry().FindTest(lower);
    if ((other != nullptr && Offered(*other)) ||
        IsOneOf(lower, as_test ? std::span<const std::string_view>(kControlCommands)
                               : std::span<const std::string_view>(kControlTests))) {
      context_.Report(as_test ? diag::kCommandUsedAsTest : diag::kTestUsedAsCommand, span,
                      written);
      return;
    }
    Diagnostic& d = context_.Report(as_test ? diag::kUnknownTest : diag::kUnknownCommand, span,
                                    written);
    std::vector<std::string_view> names;
    for (std::string_view n : as_test ? registry().TestNames() : registry().CommandNames()) {
      const CallSpec* spec = as_test ? registry().FindTest(n) : registry().FindCommand(n);
      if (Offered(*spec)) names.push_back(n);
    }
    const auto& control = as_test ? kControlTests : kControlCommands;
    names.insert(names.end(), control.begin(), control.end());
    if (auto best = SuggestClosest(lower, names)) {
      d.Note(fmt::format("did you mean '{}'?", *best));
      const CallSpec* spec = as_test ? registry().FindTest(*best) : registry().FindCommand(*best);
      if (spec != nullptr && spec->extension != nullptr && !context_.IsEnabled(spec->extension)) {
        d.Note(fmt::format("'{}' needs 'require \"{}\";'", *best, spec->extension->name));
      }
    }
  }

  // False (with an error) when there are arguments.
  bool CheckNoArguments(std::string_view name, std::string_view kind,
                        const std::vector<syntax::Argument>& arguments) {
    if (arguments.empty()) return true;
    context_.Report(diag::kTooManyArguments, arguments.front().span, name, kind,
                    "no arguments");
    return false;
  }

  // Reports a test given to a call that takes none; returns the report.
  Diagnostic* CheckNoTests(std::string_view name, std::string_view kind,
                           const std::vector<syntax::Test>& tests) {
    if (tests.empty()) return nullptr;
    const bool is_test = kind == "test";
    return &context_.Report(diag::kUnexpectedTest, tests.front().span, name, kind,
                            is_test ? "sub-tests" : "tests",
                            is_test ? "a sub-test was" : "a test was");
  }

  void CheckNoBlock(const syntax::Command& c) {
    if (c.block) {
      context_.Report(diag::kUnexpectedBlock, tree_.tokens[c.block->open_token].span, c.name);
    }
  }

  const syntax::SyntaxTree& tree_;
  ValidationContext context_;
  Script script_;
};

}  // namespace

Script Validate(const syntax::SyntaxTree& tree, const Registry& registry,
                const CompileOptions& options, Diagnostics& diagnostics) {
  return Validator(tree, registry, options, diagnostics).Run();
}

}  // namespace sievekit::ir
