// RedisResponseStore: the response store on a Redis server, so that several
// delivery hosts share one memory (DESIGN.md §8). A reservation is one
// command, `SET <prefix><key> 1 NX EX <period>`: Redis runs commands one at
// a time, so of two deliveries racing for a key — from two connections,
// two processes or two hosts — exactly one gets "OK". Redis expires the key
// after the period itself, so the store never grows without bound and
// Purge has nothing to do. Expiry follows the server's clock, not `now`.
//
// The connection opens on first use and is dropped on any I/O error or
// timeout; the next call connects again. While the server cannot be reached
// every call returns an Error (see response_store.h: no reply is sent, the
// message is still delivered). Timeouts are short on purpose: a delivery
// must not hang on a dead Redis.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "store/response_store.h"

struct redisContext;
struct redisReply;

namespace sievekit::store {

struct RedisStoreOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;  // AUTH when not empty
  int database = 0;      // SELECT when not 0
  // Prepended to every key, so that one Redis can serve several purposes.
  std::string key_prefix = "sievekit:";
  std::chrono::milliseconds connect_timeout{1000};
  std::chrono::milliseconds command_timeout{1000};
};

class RedisResponseStore final : public ResponseStore {
 public:
  explicit RedisResponseStore(RedisStoreOptions options);
  ~RedisResponseStore() override;
  RedisResponseStore(const RedisResponseStore&) = delete;
  RedisResponseStore& operator=(const RedisResponseStore&) = delete;

  Result<bool> Reserve(std::string_view key, std::chrono::seconds period, TimePoint now) override;
  Result<void> Release(std::string_view key) override;
  Result<uint64_t> Purge(TimePoint now) override;
  std::string Describe() const override;

  // Connects now when not connected (a host may check the server at start).
  Result<void> Ping();
  // The time `key` has left, or nullopt when there is no record of it.
  Result<std::optional<std::chrono::seconds>> TimeToLive(std::string_view key);

 private:
  // Connects (AUTH, SELECT) when not connected; callers hold mutex_.
  Result<void> Connect();
  void Disconnect();
  // Sends one command; an Error (and a dropped connection) on I/O errors
  // and on error replies. The reply is owned by the caller.
  Result<redisReply*> Command(std::initializer_list<std::string_view> args);

  const RedisStoreOptions options_;
  std::mutex mutex_;
  redisContext* context_ = nullptr;
};

}  // namespace sievekit::store
