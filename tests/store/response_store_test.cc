// Tests for store/response_store: the key checks every backend applies
// before touching its storage.
#include "store/response_store.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::store {
namespace {

TEST(ResponseStoreTest, CheckKey) {
  struct Case {
    std::string key;
    std::string error;  // empty: accepted
  };
  const Case cases[] = {
      {"vacation:abc", ""},
      {std::string(kMaxKeyBytes, 'k'), ""},
      {"", "response store: empty key"},
      {std::string(kMaxKeyBytes + 1, 'k'), "response store: key longer than 512 bytes"},
  };
  for (const Case& c : cases) {
    const Result<void> r = CheckKey(c.key);
    EXPECT_EQ(r.ok() ? "" : r.error().message, c.error) << c.key.size() << " bytes";
  }
}

TEST(ResponseStoreTest, NowHasSecondResolution) {
  const TimePoint now = Now();
  EXPECT_GT(now.time_since_epoch().count(), 1700000000);
}

}  // namespace
}  // namespace sievekit::store
