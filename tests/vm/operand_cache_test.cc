// Tests for vm/operand_cache: values are kept in the order added, folded
// under the operand's comparator, and survive later operands; views the
// message does not own are copied; Invalidate and a new Parse forget every
// operand; sketches are built on request and only for short values.
#include "vm/operand_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::vm {
namespace {

using match::ComparatorId;

std::vector<std::string> Originals(std::span<const OperandValue> values) {
  std::vector<std::string> out;
  for (const OperandValue& v : values) out.emplace_back(v.original);
  return out;
}

std::vector<std::string> Folded(std::span<const OperandValue> values) {
  std::vector<std::string> out;
  for (const OperandValue& v : values) out.emplace_back(v.folded);
  return out;
}

TEST(OperandCacheTest, KeepsValuesInOrderAndFolded) {
  mail::Message message;
  const std::string bytes = "Subject: Hello\r\nTo: a@B.example\r\n\r\n";
  message.Parse(bytes);
  OperandCache cache;
  std::span<OperandValue> values;
  EXPECT_FALSE(cache.Find(3, message, &values));

  cache.Start(message, ComparatorId::kAsciiCasemap);
  cache.Add(message, message.Decoded(*message.FieldsNamed("subject").front()));
  cache.Add(message, "");
  const std::span<OperandValue> subject = cache.Finish(3);
  EXPECT_EQ(Originals(subject), (std::vector<std::string>{"Hello", ""}));
  EXPECT_EQ(Folded(subject), (std::vector<std::string>{"HELLO", ""}));

  cache.Start(message, ComparatorId::kOctet);
  cache.Add(message, message.Decoded(*message.FieldsNamed("to").front()));
  const std::span<OperandValue> to = cache.Finish(0);
  ASSERT_EQ(to.size(), 1u);
  EXPECT_EQ(to[0].folded.data(), to[0].original.data());  // i;octet: no copy

  ASSERT_TRUE(cache.Find(3, message, &values));
  EXPECT_EQ(Folded(values), (std::vector<std::string>{"HELLO", ""}));
  ASSERT_TRUE(cache.Find(0, message, &values));
  EXPECT_EQ(Originals(values), (std::vector<std::string>{"a@B.example"}));
  EXPECT_FALSE(cache.Find(1, message, &values));
  EXPECT_FALSE(cache.Find(99, message, &values));
}

TEST(OperandCacheTest, CopiesValuesTheMessageDoesNotOwn) {
  mail::Message message;
  message.Parse("Subject: x\r\n\r\n");
  OperandCache cache;
  std::string outside = "abc";
  cache.Start(message, ComparatorId::kAsciiCasemap);
  cache.Add(message, outside);
  cache.Finish(0);
  outside.assign("xyz");
  std::span<OperandValue> values;
  ASSERT_TRUE(cache.Find(0, message, &values));
  EXPECT_EQ(Originals(values), (std::vector<std::string>{"abc"}));
  EXPECT_EQ(Folded(values), (std::vector<std::string>{"ABC"}));
}

TEST(OperandCacheTest, InvalidateAndANewParseForgetEverything) {
  mail::Message message;
  const std::string first = "Subject: one\r\n\r\n";
  message.Parse(first);
  OperandCache cache;
  cache.Start(message, ComparatorId::kAsciiCasemap);
  cache.Add(message, "one");
  cache.Finish(0);
  std::span<OperandValue> values;
  ASSERT_TRUE(cache.Find(0, message, &values));
  cache.Invalidate();
  EXPECT_FALSE(cache.Find(0, message, &values));

  cache.Start(message, ComparatorId::kAsciiCasemap);
  cache.Add(message, "one");
  cache.Finish(0);
  message.Parse(first);  // the same bytes, a new generation
  EXPECT_FALSE(cache.Find(0, message, &values));
}

TEST(OperandCacheTest, SketchesShortValuesOnRequest) {
  mail::Message message;
  message.Parse("Subject: x\r\n\r\n");
  OperandCache cache;
  const std::string long_value(match::BigramSketch::kMaxValueSize + 1, 'a');
  cache.Start(message, ComparatorId::kAsciiCasemap);
  cache.Add(message, "ab");
  cache.Add(message, long_value);
  std::span<OperandValue> values = cache.Finish(0);
  EXPECT_FALSE(values[0].sketched);
  const match::BigramSketch* sketch = OperandCache::SketchOf(values[0]);
  ASSERT_NE(sketch, nullptr);
  match::BigramSketch expected;
  expected.AddPairs("AB");
  EXPECT_TRUE(sketch->Covers(expected));
  EXPECT_TRUE(expected.Covers(*sketch));
  EXPECT_EQ(OperandCache::SketchOf(values[1]), nullptr);
}

}  // namespace
}  // namespace sievekit::vm
