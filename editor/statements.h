// Whole rule statements: the layout of a rule's `if`, the two predefined
// rules, and the disabled forms.
//
// A GUI rule is written as
//     if TEST {
//         ACTION;
//     }
// and, disabled, in Roundcube's form (its test moves into a comment, so the
// rule never runs, needs no test extension, and Roundcube and sievelib both
// still read it as a disabled rule):
//     if false # TEST
//     {
//         ACTION;
//     }
// A disabled opaque rule (any shape) is wrapped as sievelib does:
//     if false {
//     SOURCE
//     }
// The Spam rule:
//     if allof (SPAM, not address :is "from" [WHITELIST], not address :is "from" [CONTACTS]) {
//         fileinto "Junk";
//         stop;
//     }
// (the address tests only when their lists are not empty), and the Out of
// office rule:
//     if allof (not exists ["list-id", "list-post", "list-unsubscribe"],
//               not header :is "precedence" ["list", "bulk", "junk"],
//               not header :contains "auto-submitted" "auto-") {      (one line)
//         vacation :days 7 TEXT;
//     }
// Reading the predefined rules accepts exactly these shapes (any layout).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "editor/profile.h"
#include "editor/rule_model.h"
#include "parser/syntax_tree.h"

namespace sievekit::editor {

// `if TEST { ACTIONS }` in the enabled or disabled layout.
std::string IfStatement(std::string_view test, const std::vector<std::string>& actions,
                        bool enabled, std::string_view newline);
// `if false {` SOURCE `}` (projection.h unwraps it when reading).
std::string WrapDisabled(std::string_view source, std::string_view newline);

struct StatementOptions {
  std::string_view newline = "\n";
  bool suspend_autoreply = false;  // the Out of office rule is on
  // Spam rule: the host's contact addresses, when it supplied them.
  const std::vector<std::string>* contacts = nullptr;
};

// The statement of a GUI or predefined rule. For the Spam rule,
// `contacts_marker` receives the marker's contacts attribute ("yes",
// "pending" or "").
Result<std::string> RuleStatement(const Rule& rule, const ServerProfile& profile,
                                  const StatementOptions& options, std::string* contacts_marker);

struct RecognizedSpam {
  SpamRule rule;
  std::string form;                   // of the spam test (condition_forms.h)
  std::vector<std::string> contacts;  // the contact addresses written in it
};
// `contacts_marker` is the marker's contacts attribute.
std::optional<RecognizedSpam> RecognizeSpam(const syntax::SyntaxTree& tree,
                                            const syntax::Command& command,
                                            std::string_view contacts_marker,
                                            const ServerProfile& profile, std::string* why);
std::optional<OutOfOfficeRule> RecognizeOutOfOffice(const syntax::SyntaxTree& tree,
                                                    const syntax::Command& command,
                                                    std::string* why);

}  // namespace sievekit::editor
