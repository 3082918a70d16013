// Tests for store/response_key: SHA-256 against the FIPS 180-4 example
// vectors (one block, two blocks, a million bytes, lengths around the
// padding boundary), incremental hashing, and the layout of response keys
// (counted parts, so that moving text between parts changes the key).
#include "store/response_key.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::store {
namespace {

TEST(Sha256Test, KnownVectors) {
  struct Case {
    std::string input;
    std::string digest;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Hex(Sha256(c.input)), c.digest) << c.input.size() << " bytes";
  }
}

TEST(Sha256Test, IncrementalEqualsOneShot) {
  // Lengths on both sides of the 55/56/64-byte padding boundaries.
  for (size_t length : {0u, 1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 128u, 1000u}) {
    std::string data;
    for (size_t i = 0; i < length; ++i) data += static_cast<char>('a' + i % 26);
    for (size_t split : {size_t{0}, length / 3, length}) {
      Sha256Hasher hasher;
      hasher.Update(std::string_view(data).substr(0, split));
      hasher.Update(std::string_view(data).substr(split));
      EXPECT_EQ(Hex(hasher.Finish()), Hex(Sha256(data))) << length << " split " << split;
    }
  }
}

TEST(ResponseKeyTest, Layout) {
  const std::string key = ResponseKey("vacation", {"v1", "me@example.org", "you@example.com"});
  EXPECT_EQ(key.substr(0, 9), "vacation:");
  EXPECT_EQ(key.size(), 9u + 64u);
  // The digest is over "2:v1" "14:me@example.org" "15:you@example.com".
  EXPECT_EQ(key.substr(9), Hex(Sha256("2:v114:me@example.org15:you@example.com")));
}

TEST(ResponseKeyTest, PartsAreCounted) {
  // The same bytes split differently, or an empty part added, give other keys.
  EXPECT_NE(ResponseKey("k", {"ab", "c"}), ResponseKey("k", {"a", "bc"}));
  EXPECT_NE(ResponseKey("k", {"abc"}), ResponseKey("k", {"abc", ""}));
  EXPECT_NE(ResponseKey("k", {"a"}), ResponseKey("j", {"a"}));
  EXPECT_EQ(ResponseKey("k", {"a", "b"}), ResponseKey("k", {"a", "b"}));
}

}  // namespace
}  // namespace sievekit::store
