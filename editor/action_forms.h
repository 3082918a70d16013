// Actions ⇄ Sieve commands, both directions in one place so they agree.
//
//   move       fileinto "MAILBOX"            (folder mapped by the profile)
//   forward    redirect "ADDRESS"
//   reject     reject TEXT
//   keep       keep         discard   discard         stop   stop
//   notify     legacy:  notify :method "mailto" :options "ADDRESS" :message TEXT
//              enotify: notify :message TEXT "mailto:ADDRESS"
//   autoreply  vacation :days 7 TEXT
//              suspended while the Out of office rule is on (it beats other
//              autoreply rules, guide §6.2; a script may run vacation only
//              once, RFC 5230 §4.7): if false { vacation :days 7 TEXT; }
//
// TEXT is a quoted string, or `text:` when it ends with a line break.
// Reading accepts both notify styles whatever the profile. Anything else in
// a rule's block is not a GUI action and the reason is returned.
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

// One action as a command, without indentation, ending with ';'.
Result<std::string> ActionToSieve(const Action& action, const ServerProfile& profile,
                                  bool suspended, std::string_view newline);

struct RecognizedActions {
  std::vector<Action> actions;
  bool suspended_autoreply = false;  // an autoreply was in its suspended form
};

// Reads a list of commands (a block, or a run of top-level commands) as
// actions; nullopt with `why` when one of them is not an action.
std::optional<RecognizedActions> RecognizeActions(
    const syntax::SyntaxTree& tree, const std::vector<const syntax::Command*>& commands,
    const ServerProfile& profile, std::string* why);

// The extension a notify action needs in this profile ("notify"/"enotify"),
// "" when the profile has none.
std::string_view NotifyExtension(const ServerProfile& profile);

}  // namespace sievekit::editor
