// Plain-language descriptions of rules, as the guide's "Rule description"
// pane shows them: "where the From line contains “spam.com”: discard the
// message".
//
// Every sentence comes from a message catalogue of ICU MessageFormat
// patterns (plural and select included) and lists are joined with ICU's
// list formatter ("a, b, or c"; "a, b und c"), so a language is added by
// adding a catalogue (describe_catalogue.cc) — no code changes. English and
// German ship; an unknown locale falls back to English, and so does a
// message a catalogue lacks. ICU stays inside describe*.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "editor/rule_model.h"

namespace sievekit::editor {

// One line: the rule's name, what it does, and "(disabled)" when it is off.
std::string DescribeRule(const Rule& rule, std::string_view locale = "en");
// The description without the name and state (the pane's text).
std::string DescribeRuleBody(const Rule& rule, std::string_view locale = "en");

// The locales that have a catalogue ("en", "de").
std::vector<std::string> DescriptionLocales();

}  // namespace sievekit::editor
