// Conditions ⇄ Sieve tests, both directions in one place so they agree.
//
// Written (per server profile):
//   address fields  address :OP "from" KEYS   (recipient: ["to", "cc"])
//                   header :OP ... when whole_line is set
//   subject         header :OP "subject" KEYS
//   negative ops    not <test>
//   size            size :over 100K
//   attachment      mime / body / Content-Type header form of the profile
//   spam            header / spamtest / spamtestplus form of the profile
//   all             true
// and a rule's conditions as one test: the single condition (match all),
// or allof (...) / anyof (...).
//
// Read: those shapes with any server profile's attachment and spam forms,
// explicit default tags (`:all`, `:comparator "i;ascii-casemap"`), and
// `allof`/`anyof` of one test. Anything else is not a GUI condition and the
// reason is returned. Each recognised condition also gets a `form` naming
// the Sieve spelling it came from, so the emitter can report when writing it
// for another profile changes how it is tested.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "editor/profile.h"
#include "editor/rule_model.h"
#include "parser/syntax_tree.h"

namespace sievekit::editor {

// The Sieve test of one condition; an Error when it has none in this profile
// (an operator the field does not take, a malformed size).
Result<std::string> ConditionToSieve(const Condition& condition, const ServerProfile& profile);
// The test of a whole rule: conditions joined by its match.
Result<std::string> ConditionsToSieve(const GuiRule& rule, const ServerProfile& profile);
// The form name ConditionToSieve writes for this condition and profile.
std::string ConditionForm(const Condition& condition, const ServerProfile& profile);

struct RecognizedTest {
  Match match = Match::kAll;
  std::vector<Condition> conditions;
  std::vector<std::string> forms;  // one per condition
};

// Reads one test as a condition; nullopt with `why` set when it is none.
std::optional<Condition> RecognizeCondition(const syntax::SyntaxTree& tree, const syntax::Test& test,
                                            const ServerProfile& profile, std::string* form,
                                            std::string* why);
// Reads the test of an `if` as a rule's conditions.
std::optional<RecognizedTest> RecognizeTest(const syntax::SyntaxTree& tree, const syntax::Test& test,
                                            const ServerProfile& profile, std::string* why);

// The spam test alone in the profile's form (for the predefined Spam rule).
std::string SpamTest(const ServerProfile& profile);

}  // namespace sievekit::editor
