// Tests for delivery/multiscript: merging the results of a script sequence
// (draft-degener-sieve-multiscript-00 §3-§4) and whether a script passes
// the message on.
#include "delivery/multiscript.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::delivery {
namespace {

// "keep", "fileinto:BOX", "redirect:ADDR", "reject", "discard"; a "!"
// suffix marks an action that cancels the implicit keep, "[f g]" flags.
vm::Action MakeAction(std::string_view spec) {
  vm::Action a;
  std::string text(spec);
  if (const size_t open = text.find('['); open != std::string::npos) {
    std::string flags = text.substr(open + 1, text.find(']') - open - 1);
    text.erase(open);
    size_t i = 0;
    while (i < flags.size()) {
      const size_t end = std::min(flags.find(' ', i), flags.size());
      a.flags.push_back(flags.substr(i, end - i));
      i = end + 1;
    }
  }
  if (!text.empty() && text.back() == '!') {
    a.cancels_implicit_keep = true;
    text.pop_back();
  }
  const std::string kind = text.substr(0, text.find(':'));
  const std::string arg =
      text.find(':') == std::string::npos ? "" : text.substr(text.find(':') + 1);
  if (kind == "keep") {
    a.type = "keep";
    a.disposition = vm::Disposition::kDelivers;
  } else if (kind == "fileinto") {
    a.type = "fileinto";
    a.disposition = vm::Disposition::kDelivers;
    a.mailbox = arg;
  } else if (kind == "redirect") {
    a.type = "redirect";
    a.disposition = vm::Disposition::kDelivers;
    a.address = arg;
  } else if (kind == "reject") {
    a.type = "reject";
    a.disposition = vm::Disposition::kRefuses;
    a.reason = arg;
  } else if (kind == "discard") {
    a.type = "discard";
    a.disposition = vm::Disposition::kDiscards;
  }
  return a;
}

std::vector<vm::Action> Actions(std::initializer_list<std::string_view> specs) {
  std::vector<vm::Action> out;
  for (std::string_view s : specs) out.push_back(MakeAction(s));
  return out;
}

std::string Summary(const vm::ActionList& list) {
  std::string out;
  for (const vm::Action& a : list.all()) {
    if (!out.empty()) out += ' ';
    out += std::string(a.type);
    if (!a.mailbox.empty()) out += ":" + a.mailbox;
    if (!a.address.empty()) out += ":" + a.address;
    if (!a.reason.empty()) out += ":" + a.reason;
    if (a.cancels_implicit_keep) out += "!";
    for (size_t i = 0; i < a.flags.size(); ++i) {
      out += (i == 0 ? "[" : " ") + a.flags[i] + (i + 1 == a.flags.size() ? "]" : "");
    }
  }
  return out;
}

TEST(AppendScriptResultTest, MergesAcrossScripts) {
  const struct {
    std::string_view name;
    std::vector<std::vector<vm::Action>> scripts;
    std::string_view result;
  } cases[] = {
      {"different actions add up",
       {Actions({"fileinto:Lists!"}), Actions({"redirect:a@example.com!"})},
       "fileinto:Lists! redirect:a@example.com!"},
      {"the same store once", {Actions({"fileinto:INBOX!"}), Actions({"fileinto:INBOX!"})},
       "fileinto:INBOX!"},
      {"INBOX is case-insensitive", {Actions({"fileinto:INBOX!"}), Actions({"fileinto:inbox!"})},
       "fileinto:INBOX!"},
      {"a later keep makes the store a keep",
       {Actions({"fileinto:INBOX!"}), Actions({"fileinto:INBOX!"}), Actions({"keep"})},
       "keep!"},
      {"a keep elsewhere than INBOX is a keep of its own",
       {Actions({"fileinto:Lists!"}), Actions({"keep"})}, "fileinto:Lists! keep"},
      {"the last flags win", {Actions({"fileinto:A![x]"}), Actions({"fileinto:A![y z]"})},
       "fileinto:A![y z]"},
      // Draft §4: a reject in a later script is compatible with an earlier
      // delivery; a second reject is dropped, not an error.
      {"reject after a store", {Actions({"fileinto:INBOX!"}), Actions({"reject:no!"})},
       "fileinto:INBOX! reject:no!"},
      {"a second reject is dropped",
       {Actions({"fileinto:INBOX!"}), Actions({"reject:no!"}), Actions({"reject:never!"})},
       "fileinto:INBOX! reject:no!"},
      {"the same redirect once",
       {Actions({"redirect:a@example.com!"}), Actions({"redirect:a@example.com!"})},
       "redirect:a@example.com!"},
      {"discard once", {Actions({"discard!"}), Actions({"discard!"})}, "discard!"},
  };
  for (const auto& c : cases) {
    vm::ActionList result;
    for (const auto& script : c.scripts) AppendScriptResult(result, script, "INBOX");
    EXPECT_EQ(Summary(result), c.result) << c.name;
  }
}

TEST(KeepsMessageTest, ExplicitOrImplicitKeep) {
  EXPECT_TRUE(KeepsMessage(Actions({})));                           // implicit keep
  EXPECT_TRUE(KeepsMessage(Actions({"fileinto:A"})));               // :copy-like
  EXPECT_FALSE(KeepsMessage(Actions({"fileinto:A!"})));             // cancels it
  EXPECT_TRUE(KeepsMessage(Actions({"fileinto:A!", "keep"})));      // explicit keep
  EXPECT_FALSE(KeepsMessage(Actions({"discard!"})));
  EXPECT_FALSE(KeepsMessage(Actions({"redirect:a@example.com!"})));
}

}  // namespace
}  // namespace sievekit::delivery
