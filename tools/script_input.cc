// File and stdin reading for sievec, with the error messages users see.
#include "tools/script_input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace sievekit::tools {

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
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open: " + std::strerror(errno)};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error{path + ": read error: " + std::strerror(errno)};
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
