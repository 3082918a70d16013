// Tests for vm/match/relational: operator names, truth tables, count digits.
#include "vm/match/relational.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace sievekit::match {
namespace {

TEST(RelationalTest, Names) {
  const struct {
    std::string_view name;
    std::optional<RelationalOp> op;
  } cases[] = {
      {"gt", RelationalOp::kGt}, {"ge", RelationalOp::kGe}, {"lt", RelationalOp::kLt},
      {"le", RelationalOp::kLe}, {"eq", RelationalOp::kEq}, {"ne", RelationalOp::kNe},
      {"GT", RelationalOp::kGt}, {"Ne", RelationalOp::kNe}, {"", std::nullopt},
      {"g", std::nullopt},       {"gte", std::nullopt},     {"==", std::nullopt},
      {"eq ", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(RelationalOpFromName(c.name), c.op) << c.name;
  for (int i = 0; i < 6; ++i) {
    const auto op = static_cast<RelationalOp>(i);
    EXPECT_EQ(RelationalOpFromName(RelationalOpName(op)), op);
  }
}

TEST(RelationalTest, TruthTable) {
  using O = std::strong_ordering;
  const struct {
    RelationalOp op;
    bool less, equal, greater;
  } cases[] = {
      {RelationalOp::kGt, false, false, true}, {RelationalOp::kGe, false, true, true},
      {RelationalOp::kLt, true, false, false}, {RelationalOp::kLe, true, true, false},
      {RelationalOp::kEq, false, true, false}, {RelationalOp::kNe, true, false, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Holds(c.op, O::less), c.less) << RelationalOpName(c.op);
    EXPECT_EQ(Holds(c.op, O::equal), c.equal) << RelationalOpName(c.op);
    EXPECT_EQ(Holds(c.op, O::greater), c.greater) << RelationalOpName(c.op);
  }
}

TEST(RelationalTest, CountToDecimal) {
  const struct {
    uint64_t count;
    std::string_view text;
  } cases[] = {
      {0, "0"},
      {1, "1"},
      {10, "10"},
      {4294967296u, "4294967296"},
      {UINT64_MAX, "18446744073709551615"},
  };
  for (const auto& c : cases) {
    CountDigits digits;
    EXPECT_EQ(CountToDecimal(c.count, &digits), c.text);
  }
}

}  // namespace
}  // namespace sievekit::match
