// ResponseStore: the memory that survives deliveries (DESIGN.md §8) — "has a
// response been sent for this key within this period?" — for vacation's
// rate limit (RFC 5230 §4.2: one reply per sender and response per period).
// Backends: SqliteResponseStore (an embedded file, the default; ":memory:"
// for dry runs) and RedisResponseStore (one memory shared by several
// delivery hosts). Keys are opaque to the store; response_key.h builds them.
//
// The contract every backend keeps:
//
// * Check and record are one atomic step (Reserve). Two deliveries of the
//   same key at the same time — two threads, two processes, two hosts on one
//   Redis — get exactly one `true` between them, so only one reply is sent.
//
// * At most once. A host reserves *before* it sends, and sends only when
//   Reserve said true. A crash between "recorded" and "reply sent" loses that
//   one reply (the sender gets none until the period ends); a reply is never
//   sent twice within a period. We chose this deliberately: RFC 5230 §8 says
//   replies "MUST NOT be sent out more often than the :days argument
//   states", and a missing out-of-office note harms less than a duplicate
//   (or a loop with another responder, RFC 3834 §2). A host that knows its
//   send failed for good may Release the key so that the next message gets a
//   reply after all.
//
// * Expiry. A record lives for the period it was reserved with and is gone
//   afterwards: Redis expires keys itself (SET NX EX); SQLite deletes expired
//   rows in the same transaction as each reservation (and on Purge), so the
//   file holds only records of the last max-period and never grows without
//   bound. The period in force is the one of the reply that was sent: a later
//   action with a shorter period does not shorten it.
//
// * A store that is down (file unwritable, database locked past the busy
//   timeout, Redis unreachable) makes Reserve return an Error, never a guess.
//   The vacation helper then sends no reply and reports the error; the
//   message itself is delivered as the script says (the store only ever
//   decides about replies). Stores reconnect on the next call.
//
// Implementations are thread-safe: one store object may serve many threads.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/result.h"

namespace sievekit::store {

using Clock = std::chrono::system_clock;
// Seconds since the Unix epoch, the resolution every backend keeps.
using TimePoint = std::chrono::sys_seconds;

inline TimePoint Now() { return std::chrono::floor<std::chrono::seconds>(Clock::now()); }

// Keys longer than this are refused (Error): the key builder makes 70-byte
// keys, so a longer one is a programming error, not user input.
inline constexpr size_t kMaxKeyBytes = 512;

class ResponseStore {
 public:
  virtual ~ResponseStore() = default;

  // Atomically: when no unexpired record of `key` exists at `now`, records
  // one that expires at now + period and returns true (send the reply);
  // otherwise returns false (a reply was sent within its period). A period
  // of zero (RFC 6131 ":seconds 0") always returns true and records nothing.
  // Redis backends use the server's clock and ignore `now`.
  virtual Result<bool> Reserve(std::string_view key, std::chrono::seconds period,
                               TimePoint now) = 0;

  // Forgets the record of `key`, if any (a reply that could not be sent).
  virtual Result<void> Release(std::string_view key) = 0;

  // Deletes every record expired at `now`; returns how many it deleted
  // (always 0 for Redis, which expires keys itself).
  virtual Result<uint64_t> Purge(TimePoint now) = 0;

  // "sqlite:PATH" or "redis:HOST:PORT", for messages.
  virtual std::string Describe() const = 0;
};

// Checks what every backend refuses before it touches its storage.
Result<void> CheckKey(std::string_view key);

}  // namespace sievekit::store
