// Registration of the variables extension (RFC 5229) and its run time: the
// set command (§4), the string test (§5), and the checks every "${...}"
// reference gets at compile time (§3, §3.2, §6).
#include "extensions/variables/variables.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/diagnostic_catalogue.h"
#include "common/utf8.h"
#include "extensions/variables/set_modifier.h"
#include "ir/call_validator.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"
#include "vm/string_template.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kInvalidVariableName{"invalid-variable-name", Severity::kError,
                                              "'{}' is not a valid variable name: {}"};
constexpr DiagnosticKind kSetMatchVariable{
    "set-match-variable", Severity::kError,
    "cannot assign to match variable '{}': match variables are set only by :matches"};
constexpr DiagnosticKind kUnknownNamespace{"unknown-variable-namespace", Severity::kError,
                                           "unknown variable namespace '{}'"};
constexpr DiagnosticKind kNamespaceNotSettable{
    "variable-namespace-not-settable", Severity::kError,
    "variables of namespace '{}' cannot be assigned with set"};
constexpr DiagnosticKind kVariableNameTooLong{
    "variable-name-too-long", Severity::kError,
    "variable name '{}' is longer than the limit of {} characters (max_variable_name_length)"};
constexpr DiagnosticKind kTooManyVariables{
    "too-many-variables", Severity::kError,
    "the script sets more than the limit of {} distinct variables (max_variables)"};
constexpr DiagnosticKind kMatchVariableOutOfRange{
    "match-variable-out-of-range", Severity::kError,
    "match variable '${{{}}}' is out of range: the highest is '${{{}}}'"};

// The distinct variables the script assigns, for the max_variables limit.
struct SetVariables {
  std::set<std::string, std::less<>> names;
  bool reported = false;
};

// False (with an error) when a name is longer than the limit.
bool CheckNameLength(ir::ValidationContext& context, Span span, std::string_view name) {
  const uint32_t limit = context.options().limits.max_variable_name_length;
  if (name.size() <= limit) return true;
  context.Report(kVariableNameTooLong, span, name, limit);
  return false;
}

bool IsNumber(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// §3: a namespace is usable only when an extension declares it and the
// script requires that extension. False when an error was reported.
bool CheckNamespace(ir::ValidationContext& context, Span span, std::string_view ns, bool for_set) {
  const std::string_view first = ns.substr(0, ns.find('.'));
  const ir::VariableNamespaceSpec* spec = context.registry().FindVariableNamespace(first);
  if (spec == nullptr || (spec->extension != nullptr && !context.IsAvailable(*spec->extension))) {
    context.Report(kUnknownNamespace, span, first);
    return false;
  }
  if (spec->extension != nullptr && !context.IsEnabled(spec->extension)) {
    ir::ReportMissingRequire(context, span, "variable namespace", spec->name, *spec->extension);
    return false;
  }
  if (for_set && !spec->settable) {
    context.Report(kNamespaceNotSettable, span, spec->name);
    return false;
  }
  return true;
}

// The string transform: runs on every string of a script that requires
// variables, after encoded-character has decoded it (§3.1; registration
// order puts encoded_character first). Only well-formed references count:
// "${0.s}" or "${a b}" are literal text (§3).
void CheckReferences(ir::ValidationContext& context, ir::StringValue& value) {
  if (value.text.find("${") == std::string::npos) return;
  const vm::RuntimeString parsed = vm::RuntimeString::Template(value.text);
  for (const vm::RuntimeString::Piece& piece : parsed.pieces()) {
    if (piece.kind == vm::RuntimeString::Piece::Kind::kMatch &&
        piece.index > vm::kMaxMatchVariableIndex) {
      // §6: an unsupported index "MUST be treated as a syntax error".
      context.Report(kMatchVariableOutOfRange, value.span, piece.index, vm::kMaxMatchVariableIndex);
      return;
    }
    if (piece.kind == vm::RuntimeString::Piece::Kind::kVariable &&
        (!CheckNameLength(context, value.span, piece.text) ||
         (!piece.ns.empty() &&
          !CheckNamespace(context, value.span, piece.ns, /*for_set=*/false)))) {
      return;
    }
  }
}

// §4: "The name MUST be a constant string and conform to the syntax of
// variable-name. Match variables cannot be set. A namespace cannot be used
// unless an extension explicitly allows its use in set."
void ValidateSet(ir::ValidationContext& context, ir::Call& call) {
  const ir::StringValue& name = call.positional[0].strings[0];
  std::vector<std::string_view> parts;
  std::string_view rest = name.text;
  for (;;) {
    const size_t dot = rest.find('.');
    parts.push_back(rest.substr(0, dot));
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    const bool is_namespace = i + 1 < parts.size();
    std::string why;
    if (part.empty()) {
      why = name.text.empty() ? "it is empty" : "it has an empty component";
    } else if (i == 0 && is_namespace && !vm::IsIdentifier(part)) {
      why = "a namespace must start with a letter or '_'";
    } else if (!vm::IsIdentifier(part) && !IsNumber(part)) {
      why = "use letters, digits and '_', not starting with a digit";
    }
    if (!why.empty()) {
      context.Report(kInvalidVariableName, name.span, name.text, why);
      return;
    }
  }
  if (parts.size() == 1) {
    if (IsNumber(parts[0])) {
      context.Report(kSetMatchVariable, name.span, name.text);
      return;
    }
    if (!CheckNameLength(context, name.span, name.text)) return;
    SetVariables& set = context.State<SetVariables>();
    set.names.insert(ir::AsciiLower(name.text));
    const uint32_t limit = context.options().limits.max_variables;
    if (set.names.size() > limit && !set.reported) {
      set.reported = true;  // once: every later name is over the limit too
      context.Report(kTooManyVariables, name.span, limit);
    }
    return;
  }
  const std::string_view ns = std::string_view(name.text).substr(0, name.text.rfind('.'));
  CheckNamespace(context, name.span, ns, /*for_set=*/true);
}

// set [MODIFIER...] <name> <value> (§4): expands the value, applies the
// modifiers, stores the result. The name was checked at compile time.
class SetCommand final : public vm::PreparedCall {
 public:
  SetCommand(std::string name, vm::RuntimeString value, std::vector<const SetModifier*> modifiers)
      : name_(std::move(name)), value_(std::move(value)), modifiers_(std::move(modifiers)) {
    for (const SetModifier* m : modifiers_) {
      quotes_wildcards_ = quotes_wildcards_ || std::string_view(m->name) == "quotewildcard";
    }
  }

  bool Run(vm::EvalContext& ctx) const override {
    std::string_view value = ctx.Expand(value_, &ctx.scratch(4));
    value = ApplySetModifiers(modifiers_, value, &ctx.scratch(5), &ctx.scratch(6));
    const size_t limit = ctx.options().limits.max_variable_size;
    // A modifier whose output has units that must not be split (escapes of
    // :encodeurl) says where the last one applied may be cut.
    if (value.size() > limit && !modifiers_.empty() && modifiers_.back()->cut != nullptr) {
      value = value.substr(0, modifiers_.back()->cut(value, limit));
    }
    if (quotes_wildcards_ && value.size() > limit) value = TruncateQuoted(value, limit);
    ctx.SetVariable(name_, value);
    return true;
  }

 private:
  // A value :quotewildcard made, cut to `limit` bytes (RFC 5229 §6) without
  // splitting a character or a "\x" pair: half a pair would leave a
  // backslash that quotes nothing.
  static std::string_view TruncateQuoted(std::string_view value, size_t limit) {
    size_t end = 0;
    while (end < value.size()) {
      const size_t length = std::max<size_t>(1, utf8::SequenceLength(value.substr(end)));
      if (end + length > limit) break;
      end += length;
    }
    size_t backslashes = 0;
    while (backslashes < end && value[end - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) --end;
    return value.substr(0, end);
  }

 public:

 private:
  std::string name_;  // lower case; "ns.name" for a namespaced variable
  vm::RuntimeString value_;
  std::vector<const SetModifier*> modifiers_;  // largest precedence first
  bool quotes_wildcards_ = false;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareSet(const ir::Call& call,
                                                     vm::PrepareContext& context) {
  std::vector<const SetModifier*> modifiers;
  for (const ir::TagArgument& tag : call.tags) {
    const SetModifier* modifier = FindSetModifier(tag.spec->name);
    if (modifier == nullptr) return Error{"unknown set modifier ':" + tag.spec->name + "'"};
    modifiers.push_back(modifier);
  }
  std::stable_sort(
      modifiers.begin(), modifiers.end(),
      [](const SetModifier* a, const SetModifier* b) { return a->precedence > b->precedence; });
  return std::unique_ptr<vm::PreparedCall>(
      new SetCommand(ir::AsciiLower(call.positional[0].str()),
                     context.String(call.positional[1].strings[0]), std::move(modifiers)));
}

// string [MATCH-TYPE] [COMPARATOR] <source> <key-list> (§5): the sources
// come from the script, expanded, never trimmed. For :count (RFC 5231) a
// source counts 1 unless it is empty.
class StringTest final : public vm::PreparedCall {
 public:
  StringTest(std::vector<vm::RuntimeString> sources, vm::KeyMatcher keys)
      : sources_(std::move(sources)), keys_(std::move(keys)) {}

  bool Run(vm::EvalContext& ctx) const override {
    std::string& buffer = ctx.scratch(4);
    uint64_t count = 0;
    for (const vm::RuntimeString& source : sources_) {
      const std::string_view value = ctx.Expand(source, &buffer);
      if (keys_.is_count()) {
        if (!value.empty()) ++count;
      } else if (keys_.Match(ctx, value)) {
        return true;
      }
    }
    return keys_.is_count() && keys_.MatchCount(ctx, count);
  }

 private:
  std::vector<vm::RuntimeString> sources_;
  vm::KeyMatcher keys_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareString(const ir::Call& call,
                                                        vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[1], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(
      new StringTest(context.Strings(call.positional[0]), std::move(*keys)));
}

const vm::CallRuntime kSetRuntime{PrepareSet};
const vm::CallRuntime kStringRuntime{PrepareString};

}  // namespace

void RegisterVariables(ir::Registry& registry) {
  registry.Register({"variables", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& set = b.Command("set");
    set.positional = {{"name", ir::ArgType::kString}, {"value", ir::ArgType::kString}};
    set.validate = ValidateSet;
    set.runtime = &kSetRuntime;
    for (const SetModifier& modifier : BuiltinSetModifiers()) {
      b.Tag("set", std::string(modifier.name), std::nullopt, {},
            SetModifierGroup(modifier.precedence));
    }

    ir::CallSpec& string = b.Test("string");
    string.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
    string.positional = {{"source", ir::ArgType::kStringList},
                         {"key list", ir::ArgType::kStringList}};
    string.runtime = &kStringRuntime;

    b.TransformStrings(CheckReferences);
  });
}

}  // namespace sievekit::extensions
