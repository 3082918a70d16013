// The Redis backend of the response store (see redis_response_store.h),
// on hiredis's blocking API.
#include "store/redis_response_store.h"

#include <fmt/format.h>
#include <hiredis/hiredis.h>
#include <signal.h>
#include <sys/time.h>

#include <memory>
#include <vector>

namespace sievekit::store {
namespace {

timeval ToTimeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

// Writing to a connection the server has closed raises SIGPIPE, which
// would end the host process: blocked while hiredis talks to the server,
// and a SIGPIPE raised meanwhile is consumed.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeGuard() {
    sigset_t pending;
    sigpending(&pending);
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec zero{0, 0};
      sigtimedwait(&pipe_, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_;
  sigset_t old_;
  bool was_pending_ = false;
};

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

}  // namespace

RedisResponseStore::RedisResponseStore(RedisStoreOptions options) : options_(std::move(options)) {}

RedisResponseStore::~RedisResponseStore() { Disconnect(); }

std::string RedisResponseStore::Describe() const {
  return fmt::format("redis:{}:{}", options_.host, options_.port);
}

void RedisResponseStore::Disconnect() {
  if (context_ != nullptr) redisFree(context_);
  context_ = nullptr;
}

Result<void> RedisResponseStore::Connect() {
  if (context_ != nullptr) return {};
  context_ = redisConnectWithTimeout(options_.host.c_str(), options_.port,
                                     ToTimeval(options_.connect_timeout));
  if (context_ == nullptr) {
    return Error{fmt::format("response store {}: cannot allocate a connection", Describe())};
  }
  if (context_->err != 0) {
    Error error{fmt::format("response store {}: cannot connect: {}", Describe(), context_->errstr)};
    Disconnect();
    return error;
  }
  redisSetTimeout(context_, ToTimeval(options_.command_timeout));
  if (!options_.password.empty()) {
    Result<redisReply*> auth = Command({"AUTH", options_.password});
    if (!auth.ok()) return auth.error();
    freeReplyObject(*auth);
  }
  if (options_.database != 0) {
    Result<redisReply*> select = Command({"SELECT", std::to_string(options_.database)});
    if (!select.ok()) return select.error();
    freeReplyObject(*select);
  }
  return {};
}

Result<redisReply*> RedisResponseStore::Command(std::initializer_list<std::string_view> args) {
  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  for (std::string_view arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  SigpipeGuard guard;
  auto* reply = static_cast<redisReply*>(
      redisCommandArgv(context_, static_cast<int>(argv.size()), argv.data(), lengths.data()));
  if (reply == nullptr) {
    // An I/O error or a timeout: the connection's state is unknown.
    Error error{fmt::format("response store {}: {}: {}", Describe(), *args.begin(),
                            context_->errstr[0] != '\0' ? context_->errstr : "no reply")};
    Disconnect();
    return error;
  }
  if (reply->type == REDIS_REPLY_ERROR) {
    Error error{fmt::format("response store {}: {}: {}", Describe(), *args.begin(),
                            std::string_view(reply->str, reply->len))};
    freeReplyObject(reply);
    // An error reply to AUTH or SELECT leaves a connection we must not use.
    Disconnect();
    return error;
  }
  return reply;
}

Result<bool> RedisResponseStore::Reserve(std::string_view key, std::chrono::seconds period,
                                         TimePoint /*now*/) {
  if (Result<void> checked = CheckKey(key); !checked.ok()) return checked.error();
  if (period.count() <= 0) return true;  // RFC 6131 ":seconds 0": every reply is sent
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected.error();
  const std::string full_key = options_.key_prefix + std::string(key);
  const std::string seconds = std::to_string(period.count());
  Result<redisReply*> reply = Command({"SET", full_key, "1", "NX", "EX", seconds});
  if (!reply.ok()) return reply.error();
  ReplyPtr owned(*reply);
  // "OK" when the key was set; a nil reply when it already existed.
  return owned->type == REDIS_REPLY_STATUS;
}

Result<void> RedisResponseStore::Release(std::string_view key) {
  if (Result<void> checked = CheckKey(key); !checked.ok()) return checked;
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected;
  Result<redisReply*> reply = Command({"DEL", options_.key_prefix + std::string(key)});
  if (!reply.ok()) return reply.error();
  freeReplyObject(*reply);
  return {};
}

Result<uint64_t> RedisResponseStore::Purge(TimePoint /*now*/) { return uint64_t{0}; }

Result<void> RedisResponseStore::Ping() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected;
  Result<redisReply*> reply = Command({"PING"});
  if (!reply.ok()) return reply.error();
  freeReplyObject(*reply);
  return {};
}

Result<std::optional<std::chrono::seconds>> RedisResponseStore::TimeToLive(std::string_view key) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Result<void> connected = Connect(); !connected.ok()) return connected.error();
  Result<redisReply*> reply = Command({"TTL", options_.key_prefix + std::string(key)});
  if (!reply.ok()) return reply.error();
  ReplyPtr owned(*reply);
  if (owned->type != REDIS_REPLY_INTEGER || owned->integer < 0) {
    return std::optional<std::chrono::seconds>();
  }
  return std::optional<std::chrono::seconds>(std::chrono::seconds(owned->integer));
}

}  // namespace sievekit::store
