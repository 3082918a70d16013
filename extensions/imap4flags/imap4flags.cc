// Registration of imap4flags (RFC 5232), its compile-time checks, the run
// time of setflag, addflag and removeflag, and the action decorator that
// gives keep, fileinto and the implicit keep their flags.
//
// keep and fileinto know nothing of flags: the decorator fills
// vm::Action::flags from :flags or, without it, from the internal variable
// (§3, §5). The flag commands change either the internal variable (kept in
// FlagState) or a variable of the variables extension (RFC 5229), which
// holds the flags as a space-separated string (§3).
#include "extensions/imap4flags/imap4flags.h"

#include <utility>

#include <fmt/format.h>

#include "common/diagnostic_catalogue.h"
#include "extensions/core/string_checks.h"
#include "extensions/imap4flags/flag_state.h"
#include "extensions/imap4flags/hasflag.h"
#include "ir/call_validator.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/program.h"
#include "vm/string_template.h"

namespace sievekit::extensions {
namespace imap4flags {
namespace {

// §2: an invalid flag is ignored, so a constant one is only worth a warning.
constexpr DiagnosticKind kInvalidFlag{
    "invalid-imap-flag", Severity::kWarning,
    "'{}' is not a flag a script can set and will be ignored: {}"};
constexpr DiagnosticKind kInvalidFlagVariable{
    "invalid-flag-variable-name", Severity::kError,
    "'{}' is not a valid variable name for flags: use letters, digits and '_', not starting "
    "with a digit"};

std::string_view WhyNotSettable(std::string_view flag) {
  if (flag.front() == '\\') {
    return "only \\Answered, \\Flagged, \\Deleted, \\Seen and \\Draft can be set (RFC 5232 §2)";
  }
  for (char c : flag) {
    if (static_cast<unsigned char>(c) >= 0x80) return "IMAP flags are ASCII (RFC 3501 §9)";
  }
  return "IMAP flags cannot contain control characters or any of ( ) { % * \" \\ ] "
         "(RFC 3501 §9)";
}

// A string before the flag list names a variable (§3), which needs the
// variables extension ("MUST cause an error" without it, §1); names are
// plain identifiers (RFC 5229 §3).
bool CheckVariableNames(ir::ValidationContext& context, const ir::Call& call,
                        const ir::Value& names, std::string_view what) {
  if (!context.IsEnabled("variables")) {
    const ir::ExtensionSpec* variables = context.registry().FindExtension("variables");
    const std::string where = fmt::format("the {} of", what);
    if (variables != nullptr && context.IsAvailable(*variables)) {
      ir::ReportMissingRequire(context, names.span, where, call.spec->name, *variables);
    } else {
      context.Report(diag::kInvalidValue, names.span,
                     fmt::format("{} '{}' needs the 'variables' extension, which is not "
                                 "available",
                                 where, call.spec->name));
    }
    return false;
  }
  for (const ir::StringValue& name : names.strings) {
    if (!vm::IsIdentifier(name.text)) {
      context.Report(kInvalidFlagVariable, name.span, name.text);
      return false;
    }
  }
  return true;
}

void WarnInvalidFlags(ir::ValidationContext& context, const ir::Value& flags) {
  for (const ir::StringValue& s : flags.strings) {
    if (IsRuntimeString(context, s.text)) continue;  // checked when it runs
    ForEachWord(s.text, [&](std::string_view word) {
      if (!IsSettableFlag(word)) context.Report(kInvalidFlag, s.span, word, WhyNotSettable(word));
    });
  }
}

// setflag / addflag / removeflag [<variablename>] <list-of-flags> (§3).
void ValidateFlagCommand(ir::ValidationContext& context, ir::Call& call) {
  if (call.positional.size() == 2 &&
      !CheckVariableNames(context, call, call.positional[0], "variable name argument")) {
    return;
  }
  WarnInvalidFlags(context, call.positional.back());
}

// hasflag [MATCH-TYPE] [COMPARATOR] [<variable-list>] <list-of-flags> (§4).
// The keys are patterns (":matches \"*junk*\""), so they are not checked as
// flags.
void ValidateHasflag(ir::ValidationContext& context, ir::Call& call) {
  if (call.positional.size() == 2) {
    CheckVariableNames(context, call, call.positional[0], "variable list");
  }
}

enum class FlagOp : uint8_t { kSet, kAdd, kRemove };

// Runs one of the three flag actions. The list's words that are not
// settable flags are ignored (§2); a named variable's current value is
// taken as it is (it may have been written by `set`), apart from
// duplicates, which a flag set cannot hold.
class FlagCommand final : public vm::PreparedCall {
 public:
  FlagCommand(FlagOp op, std::string variable, std::vector<vm::RuntimeString> flags)
      : op_(op), variable_(std::move(variable)), flags_(std::move(flags)) {}

  bool Run(vm::EvalContext& ctx) const override {
    FlagState& state = StateOf(ctx);
    FlagSet* target = &state.internal;
    if (!variable_.empty()) {
      target = &state.scratch;
      target->Clear();
      if (op_ != FlagOp::kSet) target->AddWords(ctx.Variable({}, variable_), false);
    } else if (op_ == FlagOp::kSet) {
      target->Clear();
    }
    for (const vm::RuntimeString& s : flags_) {
      const std::string_view list = ctx.Expand(s, &ctx.scratch(4));
      if (op_ == FlagOp::kRemove) {
        target->RemoveWords(list, /*settable_only=*/true);
      } else {
        target->AddWords(list, /*settable_only=*/true);
      }
    }
    if (!variable_.empty()) {
      std::string& joined = ctx.scratch(5);
      target->Join(&joined);
      ctx.SetVariable(variable_, joined);
    }
    return true;
  }

 private:
  FlagOp op_;
  std::string variable_;  // lower case; empty for the internal variable
  std::vector<vm::RuntimeString> flags_;
};

template <FlagOp op>
Result<std::unique_ptr<vm::PreparedCall>> PrepareFlagCommand(const ir::Call& call,
                                                             vm::PrepareContext& context) {
  std::string variable;
  if (call.positional.size() == 2) variable = ir::AsciiLower(call.positional[0].str());
  return std::unique_ptr<vm::PreparedCall>(
      new FlagCommand(op, std::move(variable), context.Strings(call.positional.back())));
}

const vm::CallRuntime kSetflagRuntime{PrepareFlagCommand<FlagOp::kSet>};
const vm::CallRuntime kAddflagRuntime{PrepareFlagCommand<FlagOp::kAdd>};
const vm::CallRuntime kRemoveflagRuntime{PrepareFlagCommand<FlagOp::kRemove>};

// §5: keep and fileinto store the message with the flags of :flags, or,
// without it, with the internal variable's; so does the implicit keep (§3).
// Duplicate keeps are merged by CommitAction, the last flag list winning.
void DecorateWithFlags(vm::EvalContext& ctx, const ir::Call& call, vm::Action& action) {
  if (action.type != "keep" && action.type != "fileinto") return;
  FlagState& state = StateOf(ctx);
  const ir::TagArgument* tag = call.FindTag("flags");
  if (tag == nullptr || tag->spec->extension == nullptr ||
      tag->spec->extension->name != "imap4flags" || !tag->param) {
    state.internal.CopyTo(&action.flags);
    return;
  }
  FlagSet& flags = state.scratch;
  flags.Clear();
  // The decorator sees the call's operands, not a prepared form, so a list
  // built from variables is parsed here, on each use (RFC 5229 §3).
  const bool templates = ctx.program().Requires("variables");
  for (const ir::StringValue& s : tag->param->strings) {
    if (templates && s.text.find("${") != std::string::npos) {
      const vm::RuntimeString parsed = vm::RuntimeString::Template(s.text);
      flags.AddWords(ctx.Expand(parsed, &ctx.scratch(4)), /*settable_only=*/true);
    } else {
      flags.AddWords(s.text, /*settable_only=*/true);
    }
  }
  flags.CopyTo(&action.flags);
}

const vm::ActionDecorator kFlagsDecorator{DecorateWithFlags};

}  // namespace
}  // namespace imap4flags

void RegisterImap4flags(ir::Registry& registry) {
  using imap4flags::kAddflagRuntime;
  using imap4flags::kRemoveflagRuntime;
  using imap4flags::kSetflagRuntime;
  registry.Register({"imap4flags", false, false}, [](ir::ExtensionBuilder& b) {
    const std::pair<const char*, const vm::CallRuntime*> commands[] = {
        {"setflag", &kSetflagRuntime},
        {"addflag", &kAddflagRuntime},
        {"removeflag", &kRemoveflagRuntime}};
    for (const auto& [name, runtime] : commands) {
      ir::CallSpec& command = b.Command(name);
      command.positional = {{"variable name", ir::ArgType::kString, /*optional=*/true},
                            {"list of flags", ir::ArgType::kStringList}};
      command.validate = imap4flags::ValidateFlagCommand;
      command.runtime = runtime;
    }
    ir::CallSpec& hasflag = b.Test("hasflag");
    hasflag.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
    hasflag.positional = {{"variable list", ir::ArgType::kStringList, /*optional=*/true},
                          {"list of flags", ir::ArgType::kStringList}};
    hasflag.validate = imap4flags::ValidateHasflag;
    hasflag.runtime = &imap4flags::kHasflagRuntime;
    b.Tag("keep", "flags", ir::ArgType::kStringList, "a list of flags");
    b.Tag("fileinto", "flags", ir::ArgType::kStringList, "a list of flags");
    b.DecorateActions(&imap4flags::kFlagsDecorator);
  });
}

}  // namespace sievekit::extensions
