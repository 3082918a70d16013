// SqliteResponseStore: the response store in an embedded SQLite file — the
// default, with no server to run (DESIGN.md §8). Several processes may open
// the same file: the file is in WAL mode and every reservation is one
// BEGIN IMMEDIATE transaction, so SQLite's write lock makes check-and-record
// atomic across threads and processes (see response_store.h for the
// contract). The path ":memory:" gives a private store that lives as long
// as the object (dry runs: `sievec run` without --store).
//
// The connection opens lazily and is reopened after an error that may pass
// (the file was missing, unreadable, or not a database), so a store that was
// down starts working again without restarting the host. The file must be
// on a local file system: SQLite's locks are unreliable over NFS, which is
// what the Redis backend is for.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "store/response_store.h"

struct sqlite3;

namespace sievekit::store {

struct SqliteStoreOptions {
  // How long a reservation waits for another process's write lock before
  // the store counts as down (an Error, and no reply).
  std::chrono::milliseconds busy_timeout{5000};
};

class SqliteResponseStore final : public ResponseStore {
 public:
  // A store at `path`, opened (and its table created) now; an Error when the
  // file cannot be opened or is not a sievekit store.
  static Result<std::unique_ptr<SqliteResponseStore>> Open(const std::string& path,
                                                           const SqliteStoreOptions& options = {});
  // A store at `path` that opens on first use (and reports errors then).
  explicit SqliteResponseStore(std::string path, const SqliteStoreOptions& options = {});
  ~SqliteResponseStore() override;
  SqliteResponseStore(const SqliteResponseStore&) = delete;
  SqliteResponseStore& operator=(const SqliteResponseStore&) = delete;

  Result<bool> Reserve(std::string_view key, std::chrono::seconds period, TimePoint now) override;
  Result<void> Release(std::string_view key) override;
  Result<uint64_t> Purge(TimePoint now) override;
  std::string Describe() const override { return "sqlite:" + path_; }

  // How many records the file holds, expired ones included (for tests and
  // monitoring).
  Result<uint64_t> Count();

 private:
  // Opens the connection when it is not open; callers hold mutex_.
  Result<void> Connect();
  void Disconnect();
  // An Error naming the store and SQLite's message; drops the connection
  // when the failure may be cured by reopening.
  Error Fail(std::string_view what, int code);
  // Runs a statement without results.
  Result<void> Exec(const char* sql);

  const std::string path_;
  const SqliteStoreOptions options_;
  std::mutex mutex_;
  sqlite3* db_ = nullptr;
};

}  // namespace sievekit::store
