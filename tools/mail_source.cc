// Maildir and mbox readers (see mail_source.h).
#include "tools/mail_source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace sievekit::tools {
namespace {

namespace fs = std::filesystem;

class MaildirSource : public MailSource {
 public:
  explicit MaildirSource(std::vector<fs::path> files) : files_(std::move(files)) {}

  bool Next(SourcedMessage* message) override {
    while (next_ < files_.size()) {
      const fs::path& path = files_[next_++];
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        errors.push_back(path.string() + ": cannot read: " + std::strerror(errno));
        continue;
      }
      in.seekg(0, std::ios::end);
      const auto size = static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0));
      in.seekg(0);
      buffer_.resize(size);
      in.read(buffer_.data(), static_cast<std::streamsize>(size));
      buffer_.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
      message->bytes = buffer_;
      message->name = path.filename().string();
      message->mbox_sender.clear();
      return true;
    }
    return false;
  }
  size_t count_hint() const override { return files_.size(); }

 private:
  std::vector<fs::path> files_;
  size_t next_ = 0;
  std::string buffer_;
};

class MboxSource : public MailSource {
 public:
  MboxSource(const char* data, size_t size, int fd) : data_(data, size), fd_(fd) {}
  ~MboxSource() override {
    if (!data_.empty()) munmap(const_cast<char*>(data_.data()), data_.size());
    if (fd_ >= 0) close(fd_);
  }

  bool Next(SourcedMessage* message) override {
    // Skip to a "From " separator line at the start of a line.
    while (pos_ < data_.size() && !IsSeparator(pos_)) {
      const size_t eol = data_.find('\n', pos_);
      pos_ = eol == std::string_view::npos ? data_.size() : eol + 1;
    }
    if (pos_ >= data_.size()) return false;
    const size_t separator_end = LineEnd(pos_);
    std::string_view separator = data_.substr(pos_ + 5, separator_end - pos_ - 5);
    message->mbox_sender = std::string(separator.substr(0, separator.find(' ')));
    size_t body = separator_end;
    size_t end = body;
    while (end < data_.size() && !IsSeparator(end)) end = LineEnd(end);
    pos_ = end;
    // mboxrd: one '>' is removed from lines matching ^>+From .
    buffer_.clear();
    for (size_t line = body; line < end;) {
      const size_t next = LineEnd(line);
      std::string_view text = data_.substr(line, next - line);
      size_t gt = 0;
      while (gt < text.size() && text[gt] == '>') ++gt;
      if (gt > 0 && text.substr(gt, 5) == "From ") text.remove_prefix(1);
      buffer_ += text;
      line = next;
    }
    message->bytes = buffer_;
    message->name = "mbox:" + std::to_string(++index_);
    return true;
  }
  size_t count_hint() const override { return 0; }

 private:
  size_t LineEnd(size_t at) const {
    const size_t eol = data_.find('\n', at);
    return eol == std::string_view::npos ? data_.size() : eol + 1;
  }
  // A separator starts a line (the file start, or after a newline).
  bool IsSeparator(size_t at) const {
    return data_.substr(at, 5) == "From " && (at == 0 || data_[at - 1] == '\n');
  }

  std::string_view data_;
  int fd_;
  size_t pos_ = 0;
  size_t index_ = 0;
  std::string buffer_;
};

}  // namespace

Result<std::unique_ptr<MailSource>> OpenMailSource(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    bool maildir = false;
    for (const char* sub : {"cur", "new"}) {
      const fs::path dir = fs::path(path) / sub;
      if (!fs::is_directory(dir, ec)) continue;
      maildir = true;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
      }
    }
    if (!maildir) return Error{path + ": not a Maildir (no cur/ or new/ folder)"};
    std::sort(files.begin(), files.end());
    return std::unique_ptr<MailSource>(new MaildirSource(std::move(files)));
  }
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return Error{path + ": cannot open: " + std::strerror(errno)};
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    close(fd);
    return Error{path + ": cannot stat: " + std::strerror(errno)};
  }
  const auto size = static_cast<size_t>(st.st_size);
  if (size == 0) return std::unique_ptr<MailSource>(new MboxSource(nullptr, 0, fd));
  void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) {
    close(fd);
    return Error{path + ": cannot map: " + std::strerror(errno)};
  }
  if (size < 5 || std::memcmp(data, "From ", 5) != 0) {
    munmap(data, size);
    close(fd);
    return Error{path + ": not an mbox file (it does not start with a \"From \" line)"};
  }
  return std::unique_ptr<MailSource>(new MboxSource(static_cast<const char*>(data), size, fd));
}

}  // namespace sievekit::tools
