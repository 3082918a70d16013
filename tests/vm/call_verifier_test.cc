// Tests for vm/call_verifier: calls taken from validated scripts pass
// unchanged, and each way of damaging one — signature, optional arguments,
// tags, shared arguments, extensions not required, value shapes and limits,
// spans, a validate hook that objects — is refused with its exact message.
// A small test extension ("x-probe") adds a test with an optional leading
// argument, a command with tags, a match type with its own validate hook,
// and hooks that report an error or only a warning.
#include "vm/call_verifier.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "common/diagnostic.h"
#include "common/diagnostic_render.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "ir/validation_context.h"

namespace sievekit::vm {
namespace {

constexpr DiagnosticKind kProbeError{"probe-error", Severity::kError, "the key '{}' is refused"};
constexpr DiagnosticKind kProbeWarning{"probe-warning", Severity::kWarning, "'{}' is odd"};

// Reports an error for the key "bad" and a warning for "odd".
void ValidateProbeKeys(ir::ValidationContext& context, ir::Call& call) {
  for (const ir::StringValue& key : call.positional.back().strings) {
    if (key.text == "bad") context.Report(kProbeError, key.span, key.text);
    if (key.text == "odd") context.Report(kProbeWarning, key.span, key.text);
  }
}

void ValidateProbeMatch(ir::ValidationContext& context, ir::Call& call) {
  for (const ir::StringValue& key : call.positional.back().strings) {
    if (key.text == "nomatch") context.Report(kProbeError, key.span, key.text);
  }
}

const ir::Registry& Registry() {
  static const ir::Registry* const registry = [] {
    auto* r = new ir::Registry();
    extensions::RegisterAllExtensions(*r);
    r->Register({"x-probe", false, false}, [](ir::ExtensionBuilder& b) {
      ir::CallSpec& probe = b.Test("probe");
      probe.positional = {{"flag", ir::ArgType::kString, /*optional=*/true},
                          {"keys", ir::ArgType::kStringList}};
      probe.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
      probe.validate = ValidateProbeKeys;
      ir::CallSpec& act = b.Command("act");
      act.validate = ValidateProbeKeys;
      act.positional = {{"words", ir::ArgType::kStringList}};
      b.Tag("act", "level", ir::ArgType::kNumber, "a level");
      b.Tag("act", "quiet");
      b.MatchType("probematch", ir::ComparatorNeed::kEquality, false, ValidateProbeMatch);
    });
    r->Finalize();  // links the tags added since the first Finalize
    return r;
  }();
  return *registry;
}

struct Compiled {
  ir::Call call;
  std::vector<const ir::ExtensionSpec*> required;
};

// The first call of `script`: its first statement's, or its if's test.
Compiled FirstCall(const std::string& script) {
  auto source = std::make_shared<SourceFile>("t.sieve", script);
  ir::FrontendResult result = ir::RunFrontend(source, Registry());
  EXPECT_TRUE(result.ok()) << script << "\n" << RenderText(*source, result.diagnostics);
  if (!result.ok() || result.script.body.empty()) return {};
  const ir::Statement& s = result.script.body.front();
  ir::Call call = s.kind == ir::Statement::Kind::kIf ? s.branches.front().condition.call : s.call;
  call.block.clear();
  return {std::move(call), result.script.required};
}

std::string Verify(const Compiled& compiled, const ir::CompileOptions& options = {}) {
  CallVerifier verifier(Registry(), options, compiled.required);
  auto result = verifier.Verify(compiled.call);
  return result.ok() ? "" : result.error().message;
}

const ir::TagSpec* Tag(const ir::Call& call, std::string_view name) {
  return Registry().FindTag(*call.spec, name);
}

ir::Value Strings(std::vector<std::string> texts, ir::ArgType type = ir::ArgType::kStringList) {
  ir::Value v;
  v.type = type;
  for (std::string& t : texts) v.strings.push_back({std::move(t), {}});
  return v;
}

TEST(CallVerifierTest, ValidatedCallsPass) {
  const char* const scripts[] = {
      "keep;",
      "redirect \"a@example.com\";",
      "if header :contains [\"subject\", \"x\"] \"y\" {}",
      "if address :domain :comparator \"i;octet\" :matches \"from\" \"*.example\" {}",
      "if size :under 1M {}",
      "require \"envelope\"; if envelope :localpart \"to\" \"me\" {}",
      ("require [\"relational\", \"comparator-i;ascii-numeric\"];\n"
       "if header :count \"GE\" :comparator \"i;ascii-numeric\" \"received\" \"3\" {}"),
      "require \"relational\"; if address :value \"lt\" :all \"from\" \"m\" {}",
      "require [\"fileinto\", \"copy\", \"imap4flags\"]; fileinto :copy :flags \"\\\\Seen\" \"A\";",
      "require [\"imap4flags\", \"variables\"]; setflag \"f\" \"\\\\Seen\";",
      "require \"imap4flags\"; addflag \"\\\\Seen\";",
      "require \"x-probe\"; if probe \"k\" {}",
      "require \"x-probe\"; if probe \"flag\" [\"k\", \"odd\"] {}",
      "require \"x-probe\"; if probe :probematch :comparator \"i;octet\" \"k\" {}",
      "require \"x-probe\"; act :level 3 :quiet \"w\";",
  };
  for (const char* script : scripts) EXPECT_EQ(Verify(FirstCall(script)), "") << script;
}

struct Case {
  std::string_view name;
  std::string script;
  std::function<void(Compiled&)> damage;
  std::string error;
  ir::CompileOptions options = {};
};

TEST(CallVerifierTest, RefusesDamagedCalls) {
  ir::CompileOptions short_lists;
  short_lists.limits.max_list_length = 2;
  ir::CompileOptions short_strings;
  short_strings.limits.max_string_length = 3;
  const std::string kProbe = "require \"x-probe\"; if probe \"flag\" [\"k\"] {}";
  const std::string kHeader = "if header :contains \"subject\" \"x\" {}";
  const std::string kAddress = "if address :domain \"from\" \"x\" {}";
  const std::string kAct = "require \"x-probe\"; act :level 3 \"w\";";

  const Case cases[] = {
      // ---- Extensions ----
      {"call's extension not required", kProbe, [](Compiled& c) { c.required.clear(); },
       "'probe' needs the extension 'x-probe', which the program does not require"},
      {"tag's extension not required", "require [\"fileinto\", \"copy\"]; fileinto :copy \"A\";",
       [](Compiled& c) { c.required.pop_back(); },
       "tag ':copy' needs the extension 'copy', which the program does not require"},
      {"comparator's extension not required",
       "require \"comparator-i;ascii-numeric\";\n"
       "if header :comparator \"i;ascii-numeric\" \"x\" \"1\" {}",
       [](Compiled& c) { c.required.clear(); },
       "comparator 'i;ascii-numeric' needs the extension 'comparator-i;ascii-numeric', which the "
       "program does not require"},
      // ---- Positional arguments ----
      {"too many arguments", kProbe,
       [](Compiled& c) { c.call.positional.push_back(Strings({"x"})); },
       "3 positional arguments, 'probe' takes 1 to 2"},
      {"none at all", kProbe, [](Compiled& c) { c.call.positional.clear(); },
       "0 positional arguments, 'probe' takes 1 to 2"},
      {"missing argument without optional ones", kHeader,
       [](Compiled& c) { c.call.positional.pop_back(); },
       "1 positional argument, 'header' takes 2"},
      {"optional argument left out shifts the types", kProbe,
       [](Compiled& c) {
         c.call.positional.erase(c.call.positional.begin());
         c.call.positional[0].type = ir::ArgType::kNumber;
         c.call.positional[0].strings.clear();
       },
       "positional argument 1 (keys) is a number, it must be a string list"},
      {"a string list where a string belongs", kProbe,
       [](Compiled& c) { c.call.positional[0].type = ir::ArgType::kStringList; },
       "positional argument 1 (flag) is a string list, it must be a string"},
      {"a string holding two strings", "redirect \"a@example.com\";",
       [](Compiled& c) {
         c.call.positional[0].strings.push_back({"b@example.com", {}});
       },
       "positional argument 1 (address) is a string but holds 2 strings"},
      {"an empty string list", kHeader, [](Compiled& c) { c.call.positional[1].strings.clear(); },
       "positional argument 2 (key list) is an empty string list"},
      {"a number holding strings", "if size :over 1 {}",
       [](Compiled& c) {
         c.call.positional[0].strings.push_back({"1", {}});
       },
       "positional argument 1 (limit) is a number but holds strings"},
      {"a list beyond the limit", "if header \"x\" [\"a\", \"b\", \"c\"] {}", nullptr,
       "positional argument 2 (key list) holds 3 strings, more than the limit of 2", short_lists},
      {"a string beyond the limit", "if header \"subject\" \"x\" {}", nullptr,
       "a string of positional argument 1 (header names) is 7 bytes long, more than the limit of "
       "3",
       short_strings},
      // ---- Tags ----
      {"tag of another call", kHeader,
       [](Compiled& c) {
         c.call.tags.push_back(
             {Registry().FindTag(*Registry().FindTest("size"), "over"), {}, std::nullopt});
       },
       "tag ':over' does not belong to 'header'"},
      {"tag with an unexpected parameter", kAct,
       [](Compiled& c) {
         c.call.tags.push_back({Tag(c.call, "quiet"), {}, Strings({"x"})});
       },
       "tag ':quiet' takes no parameter but has one"},
      {"tag without its parameter", kAct, [](Compiled& c) { c.call.tags[0].param.reset(); },
       "tag ':level' lacks its parameter"},
      {"tag parameter of the wrong type", kAct,
       [](Compiled& c) { c.call.tags[0].param = Strings({"3"}, ir::ArgType::kString); },
       "the parameter of tag ':level' is a string, it must be a number"},
      {"tag twice", kAct, [](Compiled& c) { c.call.tags.push_back(c.call.tags[0]); },
       "tag ':level' appears twice"},
      {"tags of one group", "if size :over 1 {}",
       [](Compiled& c) {
         c.call.tags.push_back({Tag(c.call, "under"), {}, std::nullopt});
       },
       "tags ':over' and ':under' exclude each other"},
      {"required group missing", "if size :over 1 {}", [](Compiled& c) { c.call.tags.clear(); },
       "a tag of the group 'size-relation' is required"},
      // ---- Shared arguments ----
      {"comparator missing", kHeader, [](Compiled& c) { c.call.comparator = nullptr; },
       "the comparator is missing"},
      {"comparator where none is taken", "keep;",
       [](Compiled& c) { c.call.comparator = Registry().DefaultComparator(); },
       "it has a comparator but takes none"},
      {"comparator the tag does not name", "if header :comparator \"i;octet\" \"x\" \"y\" {}",
       [](Compiled& c) { c.call.comparator = Registry().DefaultComparator(); },
       "the comparator 'i;ascii-casemap' disagrees with its tags, which name 'i;octet'"},
      {"comparator that cannot serve the match type",
       "require \"comparator-i;ascii-numeric\";\n"
       "if header :is :comparator \"i;ascii-numeric\" \"x\" \"1\" {}",
       [](Compiled& c) {
         for (ir::TagArgument& t : c.call.tags) {
           if (t.spec->name == "is") t.spec = Tag(c.call, "contains");
         }
         c.call.match_type = Registry().FindMatchType("contains");
       },
       "comparator 'i;ascii-numeric' cannot serve the match type ':contains'"},
      {"match type missing", kHeader, [](Compiled& c) { c.call.match_type = nullptr; },
       "the match type is missing"},
      {"match type where none is taken", "if exists \"x\" {}",
       [](Compiled& c) { c.call.match_type = Registry().DefaultMatchType(); },
       "it has a match type but takes none"},
      {"default match type replaced", kAddress,
       [](Compiled& c) { c.call.match_type = Registry().FindMatchType("matches"); },
       "the match type ':matches' disagrees with its tags"},
      {"relational operator that is none",
       "require \"relational\"; if header :value \"gt\" \"x\" \"y\" {}",
       [](Compiled& c) {
         c.call.tags[0].param = Strings({"xx"}, ir::ArgType::kString);
         c.call.relational_op = "xx";
       },
       "'xx' is not a relational operator"},
      {"relational operator the tag does not name",
       "require \"relational\"; if header :value \"gt\" \"x\" \"y\" {}",
       [](Compiled& c) { c.call.relational_op = "lt"; },
       "the relational operator 'lt' disagrees with its tags ('gt')"},
      {"relational operator missing",
       "require \"relational\"; if header :count \"eq\" \"x\" \"1\" {}",
       [](Compiled& c) { c.call.relational_op.clear(); },
       "the relational operator '' disagrees with its tags ('eq')"},
      {"address part missing", kAddress, [](Compiled& c) { c.call.address_part = nullptr; },
       "the address part is missing"},
      {"address part where none is taken", kHeader,
       [](Compiled& c) { c.call.address_part = Registry().DefaultAddressPart(); },
       "it has an address part but takes none"},
      {"address part the tag does not name", kAddress,
       [](Compiled& c) { c.call.address_part = Registry().DefaultAddressPart(); },
       "the address part ':all' disagrees with its tags"},
      // ---- Spans and blocks ----
      {"reversed call span", "keep;",
       [](Compiled& c) {
         c.call.span = {4, 1};
       },
       "the call has a reversed span 4..1"},
      {"reversed name span", "keep;",
       [](Compiled& c) {
         c.call.name_span = {4, 1};
       },
       "the call's name has a reversed span 4..1"},
      {"reversed value span", kHeader,
       [](Compiled& c) {
         c.call.positional[1].span = {9, 8};
       },
       "positional argument 2 (key list) has a reversed span 9..8"},
      {"reversed string span", kHeader,
       [](Compiled& c) {
         c.call.positional[1].strings[0].span = {9, 8};
       },
       "a string of positional argument 2 (key list) has a reversed span 9..8"},
      {"reversed tag span", kAct,
       [](Compiled& c) {
         c.call.tags[0].span = {9, 8};
       },
       "tag ':level' has a reversed span 9..8"},
      {"a block", "keep;", [](Compiled& c) { c.call.block.emplace_back(); },
       "a call in a program cannot hold a block"},
      // ---- Hooks ----
      {"the call's hook objects", kProbe,
       [](Compiled& c) {
         c.call.positional[1] = Strings({"k", "bad"});
       },
       "rejected by its validation: the key 'bad' is refused"},
      {"the match type's hook objects", "require \"x-probe\"; if probe :probematch \"k\" {}",
       [](Compiled& c) { c.call.positional.back() = Strings({"nomatch"}); },
       "rejected by its validation: the key 'nomatch' is refused"},
      {"a core hook objects", "redirect \"a@example.com\";",
       [](Compiled& c) { c.call.positional[0] = Strings({"a@"}, ir::ArgType::kString); },
       "rejected by its validation: " +
           [] {
             ir::FrontendResult r = ir::RunFrontend(
                 std::make_shared<SourceFile>("t.sieve", "redirect \"a@\";"), Registry());
             return r.diagnostics.all().empty() ? std::string() : r.diagnostics.all()[0].message;
           }()},
  };
  for (const Case& c : cases) {
    Compiled compiled = FirstCall(c.script);
    ASSERT_NE(compiled.call.spec, nullptr) << c.name;
    if (c.damage) c.damage(compiled);
    EXPECT_EQ(Verify(compiled, c.options), c.error) << c.name;
  }
}

TEST(CallVerifierTest, WarningsFromHooksDoNotReject) {
  Compiled compiled = FirstCall("require \"x-probe\"; act \"odd\";");
  CallVerifier verifier(Registry(), {}, compiled.required);
  EXPECT_TRUE(verifier.Verify(compiled.call).ok());
  // Nor do they hide a later call's error.
  compiled.call.positional[0] = Strings({"bad"});
  auto refused = verifier.Verify(compiled.call);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "rejected by its validation: the key 'bad' is refused");
}

}  // namespace
}  // namespace sievekit::vm
