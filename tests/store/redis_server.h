// Test fixture helper: a real redis-server on a free loopback port, started
// for a test and stopped with it. It runs in the foreground of a child
// process, without persistence (no RDB snapshots, no AOF), from a scratch
// directory; its output goes to /dev/null. The binary is found in PATH or
// /usr/bin (Debian's redis-server; scripts/setup.sh installs it).
//
// Test-only; never used by library code.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/redis_response_store.h"

extern char** environ;

namespace sievekit::testutil {

// The redis-server binary, or "" when there is none.
inline std::string FindRedisServer() {
  namespace fs = std::filesystem;
  if (const char* path = std::getenv("PATH")) {
    std::string dirs = path;
    size_t start = 0;
    while (start <= dirs.size()) {
      const size_t end = std::min(dirs.find(':', start), dirs.size());
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "redis-server";
      if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate.string();
      start = end + 1;
    }
  }
  for (const char* fixed : {"/usr/bin/redis-server", "/usr/sbin/redis-server"}) {
    if (access(fixed, X_OK) == 0) return fixed;
  }
  return {};
}

// A TCP port on 127.0.0.1 that nothing listens on right now.
inline int FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

class RedisServer {
 public:
  // `extra` arguments go to redis-server (e.g. {"--requirepass", "x"}).
  explicit RedisServer(std::vector<std::string> extra = {}) : extra_(std::move(extra)) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "sievekit_redis.XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) dir_ = pattern;
  }
  ~RedisServer() {
    Stop();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  // Starts the server (on a new free port the first time, on the same port
  // after a Stop) and waits until it answers; "" or why it failed.
  std::string Start() {
    const std::string binary = FindRedisServer();
    if (binary.empty()) {
      return "redis-server not found in PATH or /usr/bin: run scripts/setup.sh "
             "(Debian package redis-server)";
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (port_ == 0 || attempt > 0) port_ = FreeLoopbackPort();
      if (Spawn(binary) && WaitUntilReady()) return {};
      Stop();
    }
    return "redis-server did not start on 127.0.0.1";
  }

  // Stops the server (SIGTERM, then SIGKILL after two seconds).
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    for (int i = 0; i < 200; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  int port() const { return port_; }

  store::RedisStoreOptions Options() const {
    store::RedisStoreOptions options;
    options.host = "127.0.0.1";
    options.port = port_;
    return options;
  }

 private:
  bool Spawn(const std::string& binary) {
    std::vector<std::string> args = {binary,
                                     "--port",
                                     std::to_string(port_),
                                     "--bind",
                                     "127.0.0.1",
                                     "--save",
                                     "",
                                     "--appendonly",
                                     "no",
                                     "--daemonize",
                                     "no",
                                     "--dir",
                                     dir_,
                                     "--logfile",
                                     ""};
    args.insert(args.end(), extra_.begin(), extra_.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) pid_ = -1;
    return rc == 0;
  }

  // Ready when the server on our port is our child: another test's server
  // may have taken the port between FreeLoopbackPort and the bind, and then
  // ours exits while theirs answers.
  bool WaitUntilReady() {
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {  // it exited (port taken?)
        pid_ = -1;
        return false;
      }
      if (ServerPid() == pid_) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // The process id the server on our port reports (INFO server), or -1.
  pid_t ServerPid() const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    timeval timeout{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port_));
    pid_t pid = -1;
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
      std::string request;
      for (size_t i = 0; i + 1 < extra_.size(); ++i) {
        if (extra_[i] == "--requirepass") request += "AUTH " + extra_[i + 1] + "\r\n";
      }
      request += "INFO server\r\n";
      std::string reply;
      if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size())) {
        char buffer[4096];
        while (reply.find("\r\nprocess_id:") == std::string::npos && reply.size() < 65536) {
          const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
          if (n <= 0) break;
          reply.append(buffer, static_cast<size_t>(n));
        }
        const size_t at = reply.find("\r\nprocess_id:");
        if (at != std::string::npos) pid = static_cast<pid_t>(std::atol(reply.c_str() + at + 13));
      }
    }
    close(fd);
    return pid;
  }

  std::vector<std::string> extra_;
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace sievekit::testutil
