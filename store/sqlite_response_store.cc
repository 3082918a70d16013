// The SQLite backend of the response store (see sqlite_response_store.h).
//
// One table, (key, expires) with an index on expires. A reservation is
//   BEGIN IMMEDIATE; DELETE expired rows; INSERT ... ON CONFLICT DO NOTHING;
//   COMMIT
// and it reserved the key when the INSERT changed a row. BEGIN IMMEDIATE
// takes the write lock before anything is read: in WAL mode a transaction
// that reads first and writes later can fail with SQLITE_BUSY_SNAPSHOT
// without waiting, which would turn an ordinary race into "store down".
#include "store/sqlite_response_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace sievekit::store {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS sievekit_responses ("
    "  key TEXT PRIMARY KEY NOT NULL,"
    "  expires INTEGER NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS sievekit_responses_expires ON sievekit_responses(expires);";

// A prepared statement that finalises itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : rc_(sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr)) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  int prepare_code() const { return rc_; }
  sqlite3_stmt* get() { return stmt_; }
  void BindText(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  int Step() { return sqlite3_step(stmt_); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

// Whether reopening the connection may cure the failure.
bool ReopenCures(int code) {
  switch (code & 0xff) {
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return true;
    default:
      return false;
  }
}

}  // namespace

SqliteResponseStore::SqliteResponseStore(std::string path, const SqliteStoreOptions& options)
    : path_(std::move(path)), options_(options) {}

SqliteResponseStore::~SqliteResponseStore() { Disconnect(); }

Result<std::unique_ptr<SqliteResponseStore>> SqliteResponseStore::Open(
    const std::string& path, const SqliteStoreOptions& options) {
  auto store = std::make_unique<SqliteResponseStore>(path, options);
  {
    std::lock_guard<std::mutex> lock(store->mutex_);
    if (Result<void> connected = store->Connect(); !connected.ok()) return connected.error();
  }
  return store;
}

void SqliteResponseStore::Disconnect() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

Error SqliteResponseStore::Fail(std::string_view what, int code) {
  std::string message = fmt::format("response store sqlite:{}: {}: {}", path_, what,
                                    db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
  if (db_ != nullptr && sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  if (ReopenCures(code)) Disconnect();
  return Error{std::move(message)};
}

Result<void> SqliteResponseStore::Exec(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Fail(sql, rc);
  return {};
}

Result<void> SqliteResponseStore::Connect() {
  if (db_ != nullptr) return {};
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error{fmt::format("response store sqlite:{}: cannot open: {}", path_,
                            db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc))};
    Disconnect();
    return error;
  }
  sqlite3_busy_timeout(db_, static_cast<int>(options_.busy_timeout.count()));
  // WAL lets readers and the one writer proceed together; a memory store
  // has no journal to speak of. NORMAL synchronisation is durable enough for
  // a record whose loss costs at most one extra reply after a power cut.
  // A connection counts as open only once its table exists: any failure
  // here closes it again, and the next call starts over.
  const char* const steps[] = {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", kSchema};
  for (const char* step : steps) {
    if (path_ == ":memory:" && step != kSchema) continue;
    if (Result<void> r = Exec(step); !r.ok()) {
      Disconnect();
      return r;
    }
  }
  return {};
}

Result<bool> SqliteResponseStore::Reserve(std::string_view key, std::chrono::seconds period,
                                          TimePoint now) {
  if (Result<void> checked = CheckKey(key); !checked.ok()) return checked.error();
  if (period.count() <= 0) return true;  // RFC 6131 ":seconds 0": every reply is sent
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected.error();
  const int64_t at = now.time_since_epoch().count();
  if (Result<void> r = Exec("BEGIN IMMEDIATE"); !r.ok()) return r.error();
  {
    Statement purge(db_, "DELETE FROM sievekit_responses WHERE expires <= ?1");
    if (purge.prepare_code() != SQLITE_OK) return Fail("purge", purge.prepare_code());
    purge.BindInt(1, at);
    if (const int rc = purge.Step(); rc != SQLITE_DONE) return Fail("purge", rc);
  }
  bool reserved = false;
  {
    Statement insert(db_,
                     "INSERT INTO sievekit_responses (key, expires) VALUES (?1, ?2)"
                     " ON CONFLICT (key) DO NOTHING");
    if (insert.prepare_code() != SQLITE_OK) return Fail("reserve", insert.prepare_code());
    insert.BindText(1, key);
    insert.BindInt(2, at + period.count());
    if (const int rc = insert.Step(); rc != SQLITE_DONE) return Fail("reserve", rc);
    reserved = sqlite3_changes(db_) == 1;
  }
  if (Result<void> r = Exec("COMMIT"); !r.ok()) return r.error();
  return reserved;
}

Result<void> SqliteResponseStore::Release(std::string_view key) {
  if (Result<void> checked = CheckKey(key); !checked.ok()) return checked;
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected;
  Statement remove(db_, "DELETE FROM sievekit_responses WHERE key = ?1");
  if (remove.prepare_code() != SQLITE_OK) return Fail("release", remove.prepare_code());
  remove.BindText(1, key);
  if (const int rc = remove.Step(); rc != SQLITE_DONE) return Fail("release", rc);
  return {};
}

Result<uint64_t> SqliteResponseStore::Purge(TimePoint now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected.error();
  Statement purge(db_, "DELETE FROM sievekit_responses WHERE expires <= ?1");
  if (purge.prepare_code() != SQLITE_OK) return Fail("purge", purge.prepare_code());
  purge.BindInt(1, now.time_since_epoch().count());
  if (const int rc = purge.Step(); rc != SQLITE_DONE) return Fail("purge", rc);
  return static_cast<uint64_t>(sqlite3_changes(db_));
}

Result<uint64_t> SqliteResponseStore::Count() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected.error();
  Statement count(db_, "SELECT COUNT(*) FROM sievekit_responses");
  if (count.prepare_code() != SQLITE_OK) return Fail("count", count.prepare_code());
  if (const int rc = count.Step(); rc != SQLITE_ROW) return Fail("count", rc);
  return static_cast<uint64_t>(sqlite3_column_int64(count.get(), 0));
}

}  // namespace sievekit::store
