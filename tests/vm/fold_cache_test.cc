// Tests for vm/fold_cache: a message's values are folded once per message
// and comparator and found again by their view; other values are folded
// every time; a new Parse (even of other text at the same address) never
// sees the old entries; sketches come with cached values only; the table
// grows and stays right past its first size and past its bound.
#include "vm/fold_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::vm {
namespace {

using match::ComparatorId;

std::string_view SubjectOf(mail::Message& message) {
  return message.Decoded(*message.FieldsNamed("subject").front());
}

TEST(FoldCacheTest, FoldsAMessageValueOnce) {
  mail::Message message;
  const std::string bytes = "Subject: Hello World\r\n\r\n";
  message.Parse(bytes);
  FoldCache cache;
  std::string scratch;
  const std::string_view subject = SubjectOf(message);
  const std::string_view first = cache.Fold(message, ComparatorId::kAsciiCasemap, subject, &scratch);
  EXPECT_EQ(first, "HELLO WORLD");
  scratch.assign("clobbered");
  const std::string_view second = cache.Fold(message, ComparatorId::kAsciiCasemap, subject, &scratch);
  EXPECT_EQ(second, "HELLO WORLD");
  EXPECT_EQ(second.data(), first.data());  // the stored copy, not the scratch buffer
  // Another comparator is another entry.
  EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiNumeric, subject, &scratch), "");
  // A part of the value is another view, folded on its own.
  EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiCasemap, subject.substr(6), &scratch), "WORLD");
  // i;octet values are their own folded form.
  EXPECT_EQ(cache.Fold(message, ComparatorId::kOctet, subject, &scratch).data(), subject.data());
}

TEST(FoldCacheTest, ValuesTheMessageDoesNotOwnAreFoldedEachTime) {
  mail::Message message;
  message.Parse("Subject: x\r\n\r\n");
  FoldCache cache;
  std::string scratch;
  std::string outside = "abc";
  EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiCasemap, outside, &scratch), "ABC");
  outside.assign("xyz");  // same buffer, new text: must not be served from a cache
  const std::string_view folded = cache.Fold(message, ComparatorId::kAsciiCasemap, outside, &scratch);
  EXPECT_EQ(folded, "XYZ");
  EXPECT_EQ(folded.data(), scratch.data());
  const match::BigramSketch empty;
  const match::BigramSketch* sketch = &empty;
  cache.Fold(message, ComparatorId::kAsciiCasemap, outside, &scratch, &sketch);
  EXPECT_EQ(sketch, nullptr);
}

TEST(FoldCacheTest, ANewParseForgetsEverything) {
  mail::Message message;
  std::string bytes = "Subject: aaaa\r\n\r\n";
  FoldCache cache;
  std::string scratch;
  message.Parse(bytes);
  EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiCasemap, SubjectOf(message), &scratch), "AAAA");
  // The same buffer with other text: the value's view has the same address
  // and size, but it is another message.
  bytes.replace(9, 4, "bbbb");
  message.Parse(bytes);
  EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiCasemap, SubjectOf(message), &scratch), "BBBB");
}

TEST(FoldCacheTest, SketchesComeWithCachedValues) {
  mail::Message message;
  const std::string long_value(match::BigramSketch::kMaxValueSize + 1, 'a');
  const std::string bytes = "Subject: [Ticket-7] Hi\r\nX-Long: " + long_value + "\r\n\r\n";
  message.Parse(bytes);
  FoldCache cache;
  std::string scratch;
  const match::BigramSketch* sketch = nullptr;
  const std::string_view folded =
      cache.Fold(message, ComparatorId::kAsciiCasemap, SubjectOf(message), &scratch, &sketch);
  EXPECT_EQ(folded, "[TICKET-7] HI");
  ASSERT_NE(sketch, nullptr);
  match::BigramSketch ticket;
  ticket.AddPairs("[TICKET-7]");
  EXPECT_TRUE(sketch->Covers(ticket));
  match::BigramSketch other;
  other.AddPairs("[TICKET-8]");
  EXPECT_FALSE(sketch->Covers(other));
  // The same value again: the same sketch.
  const match::BigramSketch* again = nullptr;
  cache.Fold(message, ComparatorId::kAsciiCasemap, SubjectOf(message), &scratch, &again);
  EXPECT_EQ(again, sketch);
  // Too long to be worth a sketch.
  const std::string_view long_view = message.Decoded(*message.FieldsNamed("x-long").front());
  const match::BigramSketch* none = &other;
  EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiCasemap, long_view, &scratch, &none).size(),
            long_value.size());
  EXPECT_EQ(none, nullptr);
}

TEST(FoldCacheTest, GrowsAndStaysRightPastItsBound) {
  std::string bytes;
  const size_t fields = FoldCache::kMaxEntries + 100;
  for (size_t i = 0; i < fields; ++i) {
    bytes += "X-" + std::to_string(i) + ": value" + std::to_string(i) + "\r\n";
  }
  bytes += "\r\n";
  mail::MessageLimits limits;
  limits.max_header_fields = static_cast<uint32_t>(fields + 1);
  mail::Message message(limits);
  message.Parse(bytes);
  ASSERT_EQ(message.fields().size(), fields);
  FoldCache cache;
  std::string scratch;
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < fields; ++i) {
      const std::string_view value = message.Decoded(message.fields()[i]);
      EXPECT_EQ(cache.Fold(message, ComparatorId::kAsciiCasemap, value, &scratch),
                "VALUE" + std::to_string(i))
          << i;
    }
  }
}

}  // namespace
}  // namespace sievekit::vm
