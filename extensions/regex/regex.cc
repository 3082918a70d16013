// Registration of the regex extension and its compile-time checks.
//
// The :regex match type joins the shared MATCH-TYPE group, so header,
// address, envelope, string, body, hasflag and any later test accept it.
// At compile time every key without variables is translated and compiled,
// and refused with the reason when it is not a supported ERE (§3: "SHOULD
// reject regular expressions that are unsupported by this specification as
// a syntax error"), too long, or too large for RE2's memory budget. Keys
// with variables are checked when they are expanded (regex_match_type.h).
#include "extensions/regex/regex.h"

#include "common/diagnostic.h"
#include "extensions/regex/compiled_regex.h"
#include "extensions/regex/ere_translator.h"
#include "extensions/regex/regex_match_type.h"
#include "extensions/variables/set_modifier.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/string_template.h"

namespace sievekit::extensions {
namespace {

constexpr DiagnosticKind kRegexComparator{
    "regex-comparator", Severity::kError,
    "comparator '{}' cannot be used with :regex: use \"i;octet\" or \"i;ascii-casemap\" "
    "(draft-murchison-sieve-regex-07 §3)"};
constexpr DiagnosticKind kRegexTooLong{
    "regex-too-long", Severity::kError,
    "this :regex key is {} bytes long, more than the limit of {} bytes (max_regex_size)"};
constexpr DiagnosticKind kInvalidRegex{"invalid-regex", Severity::kError,
                                       "invalid :regex key: {}"};

// Whether the string, in a script that uses variables, holds a reference
// that is expanded at run time (RFC 5229 §3; malformed ones are literal).
bool HasVariableReference(const std::string& text) {
  if (text.find("${") == std::string::npos) return false;
  const vm::RuntimeString parsed = vm::RuntimeString::Template(text);
  for (const vm::RuntimeString::Piece& piece : parsed.pieces()) {
    if (piece.kind != vm::RuntimeString::Piece::Kind::kLiteral) return true;
  }
  return false;
}

// The match type's check: the comparator, then each key of the key list
// (the last positional argument of every test that takes a MATCH-TYPE).
void ValidateRegex(ir::ValidationContext& context, ir::Call& call) {
  const std::string_view comparator = call.comparator != nullptr
                                          ? std::string_view(call.comparator->name)
                                          : std::string_view("i;ascii-casemap");
  if (!regex::RegexComparatorSupported(comparator)) {
    const ir::TagArgument* tag = call.FindTag("comparator");
    context.Report(kRegexComparator,
                   tag != nullptr && tag->param ? tag->param->span : call.name_span, comparator);
    return;
  }
  if (call.positional.empty()) return;
  const bool fold = regex::RegexComparatorFoldsCase(comparator);
  const bool templates = context.IsEnabled("variables");
  for (const ir::StringValue& key : call.positional.back().strings) {
    if (templates && HasVariableReference(key.text)) continue;
    if (key.text.size() > regex::kMaxRegexSize) {
      context.Report(kRegexTooLong, key.span, key.text.size(), regex::kMaxRegexSize);
      continue;
    }
    auto compiled = regex::CompiledRegex::Compile(key.text, fold);
    if (!compiled.ok()) context.Report(kInvalidRegex, key.span, compiled.error().message);
  }
}

constexpr SetModifier kQuoteRegex{"quoteregex", 20, regex::QuoteRegex};

}  // namespace

void RegisterRegex(ir::Registry& registry) {
  registry.Register({"regex", false, false}, [](ir::ExtensionBuilder& b) {
    // kEquality: every comparator passes the generic check, so that
    // ValidateRegex can say which two are allowed.
    ir::MatchTypeSpec& spec = b.MatchType("regex", ir::ComparatorNeed::kEquality,
                                          /*relational=*/false, ValidateRegex);
    spec.runtime = &regex::kRegexMatchTypeRuntime;
    DeclareSetModifier(b, kQuoteRegex);
  });
}

}  // namespace sievekit::extensions
