// Tests for store/redis_response_store against a real redis-server that the
// fixture starts on a free loopback port (tests/store/redis_server.h) and
// stops afterwards: reserve once per period, expiry by the server (TTL),
// release, key prefixes and databases, AUTH, two connections racing for the
// same keys (exactly one reservation each), and a server that is down —
// never started, stopped mid-use — reporting errors and being reconnected
// once it is back.
#include "store/redis_response_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "tests/store/redis_server.h"

namespace sievekit::store {
namespace {

using std::chrono::seconds;

std::string Reserve(ResponseStore& store, std::string_view key, int64_t period) {
  Result<bool> r = store.Reserve(key, seconds(period), Now());
  if (!r.ok()) return "E:" + r.error().message;
  return *r ? "T" : "F";
}

class RedisResponseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string error = server_.Start();
    ASSERT_EQ(error, "");
  }

  testutil::RedisServer server_;
};

TEST_F(RedisResponseStoreTest, ReservesOncePerPeriod) {
  RedisResponseStore store(server_.Options());
  EXPECT_EQ(Reserve(store, "a", 60), "T");
  EXPECT_EQ(Reserve(store, "a", 60), "F");
  EXPECT_EQ(Reserve(store, "b", 60), "T");
  EXPECT_EQ(Reserve(store, "a", 0), "T");  // :seconds 0 always replies
  EXPECT_EQ(Reserve(store, "a", 60), "F");
  EXPECT_EQ(store.Describe(), "redis:127.0.0.1:" + std::to_string(server_.port()));
}

TEST_F(RedisResponseStoreTest, TheServerExpiresRecords) {
  RedisResponseStore store(server_.Options());
  ASSERT_EQ(Reserve(store, "week", 7 * 86400), "T");
  auto ttl = store.TimeToLive("week");
  ASSERT_TRUE(ttl.ok()) << ttl.error().message;
  ASSERT_TRUE(ttl->has_value());
  EXPECT_GE(**ttl, seconds(7 * 86400 - 5));
  EXPECT_LE(**ttl, seconds(7 * 86400));
  ASSERT_EQ(Reserve(store, "second", 1), "T");
  EXPECT_EQ(Reserve(store, "second", 1), "F");
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  EXPECT_EQ(*store.TimeToLive("second"), std::nullopt);
  EXPECT_EQ(Reserve(store, "second", 1), "T");
  EXPECT_EQ(*store.Purge(Now()), 0u);  // nothing for the host to do
}

TEST_F(RedisResponseStoreTest, Release) {
  RedisResponseStore store(server_.Options());
  ASSERT_EQ(Reserve(store, "k", 60), "T");
  ASSERT_TRUE(store.Release("k").ok());
  EXPECT_EQ(Reserve(store, "k", 60), "T");
}

TEST_F(RedisResponseStoreTest, PrefixesAndDatabasesSeparateStores) {
  RedisStoreOptions other_prefix = server_.Options();
  other_prefix.key_prefix = "other:";
  RedisStoreOptions other_database = server_.Options();
  other_database.database = 3;
  RedisResponseStore store(server_.Options());
  RedisResponseStore prefixed(other_prefix);
  RedisResponseStore database(other_database);
  EXPECT_EQ(Reserve(store, "k", 60), "T");
  EXPECT_EQ(Reserve(prefixed, "k", 60), "T");
  EXPECT_EQ(Reserve(database, "k", 60), "T");
  EXPECT_EQ(Reserve(database, "k", 60), "F");
}

TEST_F(RedisResponseStoreTest, RefusesBadKeys) {
  RedisResponseStore store(server_.Options());
  EXPECT_EQ(Reserve(store, "", 60), "E:response store: empty key");
}

// Two delivery hosts, each with its own connection, race for the same keys.
TEST_F(RedisResponseStoreTest, TwoConnectionsRaceForTheSameKeys) {
  constexpr int kKeys = 300;
  RedisResponseStore first(server_.Options());
  RedisResponseStore second(server_.Options());
  std::vector<std::atomic<int>> wins(kKeys);
  std::latch start(2);
  auto worker = [&](RedisResponseStore* store) {
    start.arrive_and_wait();
    for (int k = 0; k < kKeys; ++k) {
      Result<bool> r = store->Reserve("key" + std::to_string(k), seconds(60), Now());
      if (!r.ok()) ADD_FAILURE() << r.error().message;
      if (r.ok() && *r) ++wins[static_cast<size_t>(k)];
    }
  };
  std::thread a(worker, &first);
  std::thread b(worker, &second);
  a.join();
  b.join();
  std::vector<int> counts;
  for (const auto& w : wins) counts.push_back(w.load());
  EXPECT_EQ(counts, std::vector<int>(kKeys, 1));
}

TEST_F(RedisResponseStoreTest, DownWhileStoppedThenReconnects) {
  RedisResponseStore store(server_.Options());
  ASSERT_EQ(Reserve(store, "before", 60), "T");
  server_.Stop();
  const std::string down = Reserve(store, "during", 60);
  EXPECT_EQ(down.substr(0, 2), "E:") << down;
  EXPECT_NE(down.find("response store redis:127.0.0.1:"), std::string::npos) << down;
  // Without persistence the restarted server has forgotten "before".
  ASSERT_EQ(server_.Start(), "");
  EXPECT_EQ(Reserve(store, "during", 60), "T");
  EXPECT_EQ(Reserve(store, "during", 60), "F");
}

TEST(RedisResponseStoreDownTest, NothingListens) {
  RedisStoreOptions options;
  options.host = "127.0.0.1";
  options.port = testutil::FreeLoopbackPort();
  options.connect_timeout = std::chrono::milliseconds(200);
  RedisResponseStore store(options);
  const std::string result = Reserve(store, "k", 60);
  EXPECT_EQ(result.rfind("E:response store redis:127.0.0.1:" + std::to_string(options.port) +
                             ": cannot connect: ",
                         0),
            0u)
      << result;
  EXPECT_FALSE(store.Ping().ok());
}

TEST(RedisResponseStoreAuthTest, PasswordProtectedServer) {
  testutil::RedisServer server({"--requirepass", "s3cret"});
  ASSERT_EQ(server.Start(), "");
  RedisResponseStore without(server.Options());
  const std::string refused = Reserve(without, "k", 60);
  EXPECT_NE(refused.find("NOAUTH"), std::string::npos) << refused;
  RedisStoreOptions options = server.Options();
  options.password = "s3cret";
  RedisResponseStore with(options);
  EXPECT_EQ(Reserve(with, "k", 60), "T");
  options.password = "wrong";
  RedisResponseStore wrong(options);
  const std::string denied = Reserve(wrong, "k", 60);
  EXPECT_EQ(denied.substr(0, 2), "E:") << denied;
}

}  // namespace
}  // namespace sievekit::store
