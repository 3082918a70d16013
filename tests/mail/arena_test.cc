// Tests for mail/arena: stored strings stay valid while the arena grows,
// Reset keeps capacity (a warm arena does not allocate), huge blocks are
// released.
#include "mail/arena.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sievekit::mail {
namespace {

TEST(TextArenaTest, StoredStringsSurviveGrowth) {
  TextArena arena;
  std::vector<std::string_view> views;
  std::vector<std::string> originals;
  for (int i = 0; i < 2000; ++i) {
    originals.push_back("value number " + std::to_string(i) +
                        std::string(static_cast<size_t>(i % 50), 'x'));
    views.push_back(arena.Store(originals.back()));
  }
  for (size_t i = 0; i < views.size(); ++i) EXPECT_EQ(views[i], originals[i]);
  EXPECT_GT(arena.capacity(), TextArena::kBlockSize);  // it needed several blocks
}

TEST(TextArenaTest, EmptyAndLargeStrings) {
  TextArena arena;
  EXPECT_TRUE(arena.Store("").empty());
  const std::string big(3 * TextArena::kBlockSize, 'b');
  const std::string_view small = arena.Store("small");
  const std::string_view stored = arena.Store(big);
  EXPECT_EQ(stored, big);
  EXPECT_EQ(small, "small");
  EXPECT_EQ(arena.Store("after"), "after");
}

TEST(TextArenaTest, ResetKeepsCapacity) {
  TextArena arena;
  for (int i = 0; i < 100; ++i) arena.Store(std::string(1000, 'a'));
  const size_t capacity = arena.capacity();
  EXPECT_GE(arena.bytes_used(), 100000u);
  arena.Reset();
  EXPECT_EQ(arena.bytes_used(), 0u);
  EXPECT_EQ(arena.capacity(), capacity);
  for (int i = 0; i < 100; ++i) arena.Store(std::string(1000, 'a'));
  EXPECT_EQ(arena.capacity(), capacity);  // the same blocks were reused
}

TEST(TextArenaTest, ResetReleasesHugeCapacity) {
  TextArena arena;
  arena.Store(std::string(TextArena::kMaxRetainedBytes + 1, 'h'));
  arena.Reset();
  EXPECT_EQ(arena.capacity(), 0u);
  EXPECT_EQ(arena.Store("again"), "again");
}

TEST(TextArenaTest, StoreArrayAlignsAndCopies) {
  TextArena arena;
  arena.Store("x");  // misalign the next allocation
  const uint64_t values[] = {1, 2, 3};
  const std::span<const uint64_t> stored = arena.StoreArray(std::span<const uint64_t>(values));
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(stored.data()) % alignof(uint64_t), 0u);
  EXPECT_EQ(stored[2], 3u);
  EXPECT_TRUE(arena.StoreArray(std::span<const uint64_t>()).empty());
}

// Contains: memory handed out since the last Reset, and nothing else.
TEST(TextArenaTest, ContainsWhatItHandedOut) {
  TextArena arena;
  const std::string outside = "elsewhere";
  EXPECT_FALSE(arena.Contains(outside.data(), outside.size()));
  const std::string_view a = arena.Store("first");
  const std::string_view b = arena.Store(std::string(TextArena::kBlockSize, 'x'));  // a new block
  EXPECT_TRUE(arena.Contains(a.data(), a.size()));
  EXPECT_TRUE(arena.Contains(a.data() + 1, 3));
  EXPECT_TRUE(arena.Contains(b.data(), b.size()));
  EXPECT_FALSE(arena.Contains(outside.data(), outside.size()));
  // Past what the current block handed out.
  EXPECT_FALSE(arena.Contains(b.data(), b.size() + 1));
  arena.Reset();
  EXPECT_FALSE(arena.Contains(a.data(), a.size()));
}

}  // namespace
}  // namespace sievekit::mail
