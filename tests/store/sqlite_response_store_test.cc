// Tests for store/sqlite_response_store: the ResponseStore contract on an
// SQLite file — reserve once per period, expiry (by reservation and by
// Purge, so the file never grows without bound), release, persistence
// across connections, two threads and two processes racing for the same
// keys (exactly one reservation each), and a store that is down (missing
// directory, a lock held past the busy timeout, a file that is no
// database) reporting errors and recovering by itself.
#include "store/sqlite_response_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace sievekit::store {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

const TimePoint kT0{seconds(1'800'000'000)};

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "sievekit_store.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::unique_ptr<SqliteResponseStore> OpenOrDie(const std::string& path,
                                               const SqliteStoreOptions& options = {}) {
  auto store = SqliteResponseStore::Open(path, options);
  if (!store.ok()) {
    ADD_FAILURE() << store.error().message;
    std::abort();
  }
  return std::move(*store);
}

// "T" for a reservation, "F" for a refusal, "E:message" for an error.
std::string Reserve(ResponseStore& store, std::string_view key, int64_t period, TimePoint now) {
  Result<bool> r = store.Reserve(key, seconds(period), now);
  if (!r.ok()) return "E:" + r.error().message;
  return *r ? "T" : "F";
}

TEST(SqliteResponseStoreTest, ReservesOncePerPeriod) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("responses.db"));
  struct Step {
    std::string key;
    int64_t period;
    int64_t at;  // seconds after kT0
    std::string expected;
  };
  const Step steps[] = {
      {"a", 60, 0, "T"},    // first reply
      {"a", 60, 1, "F"},    // within the period
      {"a", 60, 59, "F"},   // the last second of it
      {"b", 60, 1, "T"},    // another key is independent
      {"a", 60, 60, "T"},   // the period is over
      {"a", 600, 61, "F"},  // the new record runs until 120, whatever the new period
      {"a", 0, 62, "T"},    // :seconds 0 always replies ...
      {"a", 0, 62, "T"},    // ... and records nothing
      {"a", 60, 119, "F"}, {"a", 60, 120, "T"},
  };
  for (const Step& s : steps) {
    EXPECT_EQ(Reserve(*store, s.key, s.period, kT0 + seconds(s.at)), s.expected)
        << s.key << " at +" << s.at;
  }
}

TEST(SqliteResponseStoreTest, ReservationsDeleteExpiredRecords) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("responses.db"));
  // 1000 senders, one every 10 seconds, each remembered for 100 seconds:
  // the file never holds more than the last 10 of them.
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(Reserve(*store, "sender" + std::to_string(i), 100, kT0 + seconds(10 * i)), "T");
    auto count = store->Count();
    ASSERT_TRUE(count.ok()) << count.error().message;
    ASSERT_LE(*count, 10u) << "after " << i;
  }
}

TEST(SqliteResponseStoreTest, Purge) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("responses.db"));
  ASSERT_EQ(Reserve(*store, "short", 10, kT0), "T");
  ASSERT_EQ(Reserve(*store, "medium", 100, kT0), "T");
  ASSERT_EQ(Reserve(*store, "long", 1000, kT0), "T");
  struct Step {
    int64_t at;
    uint64_t purged;
    uint64_t left;
  };
  for (const Step& s : {Step{9, 0, 3}, Step{10, 1, 2}, Step{500, 1, 1}, Step{5000, 1, 0}}) {
    auto purged = store->Purge(kT0 + seconds(s.at));
    ASSERT_TRUE(purged.ok()) << purged.error().message;
    EXPECT_EQ(*purged, s.purged) << "at +" << s.at;
    EXPECT_EQ(*store->Count(), s.left) << "at +" << s.at;
  }
}

TEST(SqliteResponseStoreTest, Release) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("responses.db"));
  ASSERT_EQ(Reserve(*store, "k", 60, kT0), "T");
  ASSERT_EQ(Reserve(*store, "k", 60, kT0), "F");
  ASSERT_TRUE(store->Release("k").ok());
  EXPECT_EQ(Reserve(*store, "k", 60, kT0), "T");
  EXPECT_TRUE(store->Release("never-reserved").ok());
}

TEST(SqliteResponseStoreTest, RecordsSurviveTheConnection) {
  TempDir dir;
  {
    auto store = OpenOrDie(dir.File("responses.db"));
    ASSERT_EQ(Reserve(*store, "k", 60, kT0), "T");
  }
  auto reopened = OpenOrDie(dir.File("responses.db"));
  EXPECT_EQ(Reserve(*reopened, "k", 60, kT0 + seconds(1)), "F");
}

TEST(SqliteResponseStoreTest, MemoryStore) {
  auto store = OpenOrDie(":memory:");
  EXPECT_EQ(store->Describe(), "sqlite::memory:");
  EXPECT_EQ(Reserve(*store, "k", 60, kT0), "T");
  EXPECT_EQ(Reserve(*store, "k", 60, kT0), "F");
}

TEST(SqliteResponseStoreTest, RefusesBadKeys) {
  auto store = OpenOrDie(":memory:");
  EXPECT_EQ(Reserve(*store, "", 60, kT0), "E:response store: empty key");
  EXPECT_EQ(Reserve(*store, std::string(600, 'k'), 60, kT0),
            "E:response store: key longer than 512 bytes");
}

// Runs `threads` workers that each try to reserve keys 0..keys-1 at the same
// moment; returns how many reservations each key got.
std::vector<int> Race(const std::vector<ResponseStore*>& stores, int keys) {
  std::vector<std::atomic<int>> wins(static_cast<size_t>(keys));
  std::latch start(static_cast<std::ptrdiff_t>(stores.size()));
  std::vector<std::thread> workers;
  for (ResponseStore* store : stores) {
    workers.emplace_back([&, store] {
      start.arrive_and_wait();
      for (int k = 0; k < keys; ++k) {
        Result<bool> r = store->Reserve("key" + std::to_string(k), seconds(60), kT0);
        if (r.ok() && *r) ++wins[static_cast<size_t>(k)];
        if (!r.ok()) ADD_FAILURE() << r.error().message;
      }
    });
  }
  for (std::thread& t : workers) t.join();
  std::vector<int> out;
  for (const auto& w : wins) out.push_back(w.load());
  return out;
}

TEST(SqliteResponseStoreTest, TwoThreadsShareOneStore) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("responses.db"));
  EXPECT_EQ(Race({store.get(), store.get()}, 300), std::vector<int>(300, 1));
}

TEST(SqliteResponseStoreTest, TwoThreadsWithTheirOwnConnections) {
  TempDir dir;
  auto first = OpenOrDie(dir.File("responses.db"));
  auto second = OpenOrDie(dir.File("responses.db"));
  EXPECT_EQ(Race({first.get(), second.get()}, 300), std::vector<int>(300, 1));
}

// Two processes (as two deliveries by an LDA would be) race for the same
// keys on one file: exactly one reservation per key between them.
TEST(SqliteResponseStoreTest, TwoProcesses) {
  TempDir dir;
  const std::string path = dir.File("responses.db");
  constexpr int kKeys = 300;
  int ready[2], go[2], results[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(go), 0);
  ASSERT_EQ(pipe(results), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child opens its own connection, says it is ready, waits for the
    // start, and reports which keys it won, one byte per key.
    SqliteResponseStore store(path);
    char byte = 'r';
    if (write(ready[1], &byte, 1) != 1 || read(go[0], &byte, 1) != 1) _exit(2);
    std::string won(kKeys, '0');
    for (int k = 0; k < kKeys; ++k) {
      Result<bool> r = store.Reserve("key" + std::to_string(k), seconds(60), kT0);
      if (!r.ok()) _exit(3);
      if (*r) won[static_cast<size_t>(k)] = '1';
    }
    if (write(results[1], won.data(), won.size()) != static_cast<ssize_t>(won.size())) _exit(4);
    _exit(0);
  }
  SqliteResponseStore store(path);
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  ASSERT_EQ(write(go[1], "g", 1), 1);
  std::vector<int> wins(kKeys, 0);
  for (int k = 0; k < kKeys; ++k) {
    Result<bool> r = store.Reserve("key" + std::to_string(k), seconds(60), kT0);
    ASSERT_TRUE(r.ok()) << r.error().message;
    if (*r) ++wins[static_cast<size_t>(k)];
  }
  std::string child_won(kKeys, '?');
  size_t got = 0;
  while (got < child_won.size()) {
    const ssize_t n = read(results[0], child_won.data() + got, child_won.size() - got);
    ASSERT_GT(n, 0);
    got += static_cast<size_t>(n);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  for (int k = 0; k < kKeys; ++k) {
    if (child_won[static_cast<size_t>(k)] == '1') ++wins[static_cast<size_t>(k)];
  }
  EXPECT_EQ(wins, std::vector<int>(kKeys, 1));
  for (int fd : {ready[0], ready[1], go[0], go[1], results[0], results[1]}) close(fd);
}

TEST(SqliteResponseStoreTest, DownWhileTheDirectoryIsMissingThenRecovers) {
  TempDir dir;
  const std::string path = dir.File("missing/responses.db");
  auto opened = SqliteResponseStore::Open(path);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().message,
            "response store sqlite:" + path + ": cannot open: unable to open database file");
  SqliteResponseStore lazy(path);
  EXPECT_EQ(Reserve(lazy, "k", 60, kT0),
            "E:response store sqlite:" + path + ": cannot open: unable to open database file");
  fs::create_directory(dir.File("missing"));
  EXPECT_EQ(Reserve(lazy, "k", 60, kT0), "T");
}

TEST(SqliteResponseStoreTest, DownWhileLockedPastTheBusyTimeout) {
  TempDir dir;
  const std::string path = dir.File("responses.db");
  SqliteStoreOptions options;
  options.busy_timeout = std::chrono::milliseconds(50);
  auto store = OpenOrDie(path, options);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_EQ(Reserve(*store, "k", 60, kT0),
            "E:response store sqlite:" + path + ": BEGIN IMMEDIATE: database is locked");
  ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  EXPECT_EQ(Reserve(*store, "k", 60, kT0), "T");
}

TEST(SqliteResponseStoreTest, DownWhileTheFileIsNoDatabaseThenRecovers) {
  TempDir dir;
  const std::string path = dir.File("responses.db");
  {
    std::ofstream garbage(path, std::ios::binary);
    garbage << std::string(4096, 'x');
  }
  SqliteResponseStore store(path);
  const std::string result = Reserve(store, "k", 60, kT0);
  EXPECT_EQ(result.substr(0, 2), "E:");
  EXPECT_NE(result.find("file is not a database"), std::string::npos) << result;
  fs::remove(path);
  EXPECT_EQ(Reserve(store, "k", 60, kT0), "T");
}

}  // namespace
}  // namespace sievekit::store
