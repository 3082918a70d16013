// Tests for mail/header_values: values are computed once per field, cached,
// zero-copy when nothing changes, and stored in the workspace arena.
#include "mail/header_values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::mail {
namespace {

class HeaderValuesTest : public testing::Test {
 protected:
  void Scan(std::string_view bytes) {
    bytes_ = bytes;
    fields_.clear();
    ScanHeaderSection(bytes_, {}, &fields_);
  }
  bool PointsIntoBytes(std::string_view view) const {
    return view.data() >= bytes_.data() &&
           view.data() + view.size() <= bytes_.data() + bytes_.size();
  }
  std::string bytes_;
  std::vector<HeaderField> fields_;
  Workspace workspace_;
};

TEST_F(HeaderValuesTest, PlainValuesAreViewsOfTheMessage) {
  Scan("Subject:  plain value \r\n\r\n");
  const std::string_view unfolded = HeaderValues::Unfolded(fields_[0], &workspace_);
  const std::string_view decoded = HeaderValues::Decoded(fields_[0], &workspace_);
  EXPECT_EQ(unfolded, "plain value");
  EXPECT_EQ(decoded, "plain value");
  EXPECT_TRUE(PointsIntoBytes(unfolded));
  EXPECT_EQ(decoded.data(), unfolded.data());
  EXPECT_EQ(workspace_.arena.bytes_used(), 0u);  // nothing was copied
}

TEST_F(HeaderValuesTest, ComputedOnceAndCached) {
  Scan("Subject: =?utf-8?q?caf=C3=A9?=\r\n folded\r\n\r\n");
  const std::string_view first = HeaderValues::Decoded(fields_[0], &workspace_);
  EXPECT_EQ(first, "caf\xC3\xA9 folded");
  const size_t used = workspace_.arena.bytes_used();
  const std::string_view second = HeaderValues::Decoded(fields_[0], &workspace_);
  EXPECT_EQ(second.data(), first.data());
  EXPECT_EQ(workspace_.arena.bytes_used(), used);
  EXPECT_EQ(HeaderValues::Unfolded(fields_[0], &workspace_), "=?utf-8?q?caf=C3=A9?= folded");
}

TEST_F(HeaderValuesTest, DecodedIsAlwaysUtf8) {
  Scan("X-Latin1: caf\xE9\r\nX-Utf8: caf\xC3\xA9\r\n\r\n");
  EXPECT_EQ(HeaderValues::Decoded(fields_[0], &workspace_), "caf\xC3\xA9");
  const std::string_view utf8 = HeaderValues::Decoded(fields_[1], &workspace_);
  EXPECT_EQ(utf8, "caf\xC3\xA9");
  EXPECT_TRUE(PointsIntoBytes(utf8));
}

TEST_F(HeaderValuesTest, AddressesParsedOnce) {
  Scan("To: a@b.example, \"C D\" <c@d.example>\r\nCc: \r\n\r\n");
  const std::span<const Address> first = HeaderValues::Addresses(fields_[0], &workspace_);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].all, "a@b.example");
  EXPECT_EQ(first[1].display_name, "C D");
  const std::span<const Address> second = HeaderValues::Addresses(fields_[0], &workspace_);
  EXPECT_EQ(second.data(), first.data());
  EXPECT_TRUE(HeaderValues::Addresses(fields_[1], &workspace_).empty());
  // The first field's addresses survive parsing another field's.
  EXPECT_EQ(first[1].all, "c@d.example");
}

}  // namespace
}  // namespace sievekit::mail
