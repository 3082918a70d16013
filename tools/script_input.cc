// File and stdin reading for sievec, with the error messages users see.
#include "tools/script_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace sievekit::tools {
namespace {
constexpr size_t kMaxReadBytes = size_t{64} << 20;
}  // namespace

Result<std::shared_ptr<const SourceFile>> ReadScript(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::make_shared<const SourceFile>("<stdin>", buffer.str());
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return Error{path + ": no such file"};
  }
  if (std::filesystem::is_directory(status)) {
    return Error{path + ": is a directory, not a script"};
  }
  // POSIX reads: an I/O error (EIO) is an answer, not an exception.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{path + ": cannot open: " + std::strerror(errno)};
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      close(fd);
      return Error{path + ": read error: " + why};
    }
    text.append(buffer, static_cast<size_t>(n));
    // Far beyond any script-size limit: a device or a huge file, not a script.
    if (text.size() > kMaxReadBytes) {
      close(fd);
      return Error{path + ": larger than 64 MiB, not a Sieve script"};
    }
  }
  close(fd);
  return std::make_shared<const SourceFile>(path, std::move(text));
}

ContentCheck CheckContent(const SourceFile& source) {
  ContentCheck check;
  const std::string& text = source.text();
  check.empty = text.find_first_not_of(" \t\r\n") == std::string::npos;
  // Like grep and git: NUL bytes near the start mean binary data. (A stray
  // NUL later in a text file is reported by the parser instead.)
  const size_t window = std::min<size_t>(text.size(), 8000);
  check.binary = std::memchr(text.data(), '\0', window) != nullptr;
  return check;
}

}  // namespace sievekit::tools
