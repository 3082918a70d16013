// Tests for delivery/vacation_action: the vacation record's params round
// trip, absent arguments stay absent, and synthesized response identities
// tell apart what RFC 5230 §4.2 says must be told apart.
#include "delivery/vacation_action.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::delivery {
namespace {

TEST(VacationActionTest, RoundTrip) {
  VacationArguments args;
  args.days = 3;
  args.subject = "Away";
  args.from = "Me <me@example.org>";
  args.from_address = "me@example.org";
  args.addresses = {"alias@example.org", "other@example.net"};
  args.mime = true;
  args.handle = "out-of-office";
  args.response = "handle:out-of-office";
  args.reason = "Content-Type: text/plain\n\nAway";
  vm::Action action;
  action.type = kVacationType;
  args.ToAction(action);
  EXPECT_EQ(action.reason, args.reason);
  std::string names;
  for (const vm::ActionParam& p : action.params) names += p.name + " ";
  EXPECT_EQ(names, "days subject from from_address addresses mime handle response ");
  const VacationArguments back = VacationArguments::FromAction(action);
  EXPECT_EQ(back.days, args.days);
  EXPECT_EQ(back.seconds, std::nullopt);
  EXPECT_EQ(back.subject, args.subject);
  EXPECT_EQ(back.from, args.from);
  EXPECT_EQ(back.from_address, args.from_address);
  EXPECT_EQ(back.addresses, args.addresses);
  EXPECT_TRUE(back.mime);
  EXPECT_EQ(back.handle, args.handle);
  EXPECT_EQ(back.response, args.response);
  EXPECT_EQ(back.reason, args.reason);
}

TEST(VacationActionTest, AbsentArgumentsStayAbsent) {
  VacationArguments args;
  args.seconds = 0;
  args.response = "args:0123456789abcdef";
  args.reason = "away";
  vm::Action action;
  args.ToAction(action);
  ASSERT_EQ(action.params.size(), 2u);
  const VacationArguments back = VacationArguments::FromAction(action);
  EXPECT_EQ(back.days, std::nullopt);
  EXPECT_EQ(back.seconds, 0);
  EXPECT_EQ(back.subject, std::nullopt);
  EXPECT_EQ(back.from, std::nullopt);
  EXPECT_TRUE(back.addresses.empty());
  EXPECT_FALSE(back.mime);
  EXPECT_EQ(back.handle, std::nullopt);
}

TEST(VacationActionTest, SynthesizedResponse) {
  using S = std::optional<std::string>;
  const std::string base = SynthesizedResponse(S("Away"), S(), false, "reason");
  EXPECT_EQ(base.size(), 5u + 16u);
  EXPECT_EQ(base.substr(0, 5), "args:");
  EXPECT_EQ(base, SynthesizedResponse(S("Away"), S(), false, "reason"));
  // Every argument takes part, and where a string sits matters.
  const std::string others[] = {
      SynthesizedResponse(S(), S(), false, "reason"),
      SynthesizedResponse(S(""), S(), false, "reason"),
      SynthesizedResponse(S("Away"), S(""), false, "reason"),
      SynthesizedResponse(S("Away"), S(), true, "reason"),
      SynthesizedResponse(S("Away"), S(), false, "reason2"),
      SynthesizedResponse(S(), S("Away"), false, "reason"),
      SynthesizedResponse(S("Awayreason"), S(), false, ""),
  };
  for (const std::string& other : others) EXPECT_NE(other, base);
  EXPECT_NE(others[0], others[1]);  // no :subject vs :subject ""
}

}  // namespace
}  // namespace sievekit::delivery
