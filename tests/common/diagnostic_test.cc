// Tests for common/diagnostic: reporting, the error cap, notes, ordering.
#include "common/diagnostic.h"

#include <gtest/gtest.h>

#include "common/diagnostic_catalogue.h"

namespace sievekit {
namespace {

TEST(DiagnosticsTest, FormatsMessagesFromTheCatalogue) {
  Diagnostics d;
  d.Report(diag::kUnknownCommand, {3, 9}, "filein").Note("did you mean 'fileinto'?");
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].message, "unknown command 'filein'");
  EXPECT_EQ(d.all()[0].id(), "unknown-command");
  EXPECT_EQ(d.all()[0].notes.at(0).message, "did you mean 'fileinto'?");
  EXPECT_TRUE(d.has_errors());
}

TEST(DiagnosticsTest, CapsErrorsButCountsThem) {
  Diagnostics d(2);
  for (uint32_t i = 0; i < 5; ++i) d.Report(diag::kUnknownTest, {i, i + 1}, "x");
  d.Report(diag::kEmptyScript, {0, 0});
  EXPECT_EQ(d.error_count(), 5u);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_TRUE(d.capped());
  EXPECT_EQ(d.all().size(), 3u);  // two errors and the warning
}

TEST(DiagnosticsTest, SortsByPosition) {
  Diagnostics d;
  d.Report(diag::kUnknownTest, {10, 11}, "b");
  d.Report(diag::kUnknownTest, {2, 3}, "a");
  d.SortByPosition();
  EXPECT_EQ(d.all()[0].message, "unknown test 'a'");
}

}  // namespace
}  // namespace sievekit
