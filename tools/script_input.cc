// File and stdin reading for sievec, with the error messages users see.
#include "tools/script_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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
  // Read straight into the string, sized from the file's stated size when
  // there is one: a script of a few thousand rules is most of a megabyte,
  // and growing it a buffer at a time copied it over and over.
  std::string text;
  struct stat st {};
  const size_t stated =
      fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  text.resize(std::clamp<size_t>(stated, 4096, kMaxReadBytes) + 1);
  size_t size = 0;
  for (;;) {
    if (size == text.size()) text.resize(2 * text.size());
    const ssize_t n = read(fd, text.data() + size, text.size() - size);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      close(fd);
      return Error{path + ": read error: " + why};
    }
    size += static_cast<size_t>(n);
    // Far beyond any script-size limit: a device or a huge file, not a script.
    if (size > kMaxReadBytes) {
      close(fd);
      return Error{path + ": larger than 64 MiB, not a Sieve script"};
    }
  }
  close(fd);
  text.resize(size);
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
