// Maildir and mbox readers (see mail_source.h).
#include "tools/mail_source.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace sievekit::tools {
namespace {

namespace fs = std::filesystem;

// A Maildir folder (cur/ or new/), open for the life of the source: files
// are opened relative to it, which spares the kernel a path walk per message.
struct MaildirFolder {
  std::string path;
  int fd = -1;
};

struct MaildirFile {
  size_t folder;     // index into the folders
  std::string name;  // file name inside it
};

class MaildirSource : public MailSource {
 public:
  MaildirSource(std::vector<MaildirFolder> folders, std::vector<MaildirFile> files)
      : folders_(std::move(folders)), files_(std::move(files)) {}
  ~MaildirSource() override {
    for (const MaildirFolder& folder : folders_) close(folder.fd);
  }

  bool Next(SourcedMessage* message) override {
    while (next_ < files_.size()) {
      const MaildirFile& file = files_[next_++];
      if (!ReadFile(folders_[file.folder].fd, file.name)) {
        errors.push_back(folders_[file.folder].path + "/" + file.name +
                         ": cannot read: " + std::strerror(errno));
        continue;
      }
      message->bytes = std::string_view(buffer_.get(), size_);
      message->name.assign(file.name);
      message->mbox_sender.clear();
      return true;
    }
    return false;
  }
  size_t count_hint() const override { return files_.size(); }

 private:
  // Reads a whole file into buffer_ with plain system calls: a batch reads
  // thousands of files, and a stream per file costs more than the read. The
  // buffer only grows and is never cleared first (the read overwrites it).
  bool ReadFile(int folder, const std::string& name) {
    const int fd = openat(folder, name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    if (fstat(fd, &st) != 0) {
      const int saved = errno;
      close(fd);
      errno = saved;
      return false;
    }
    // The size is a hint: a file that grows meanwhile is read to its end. A
    // Maildir file does not change once delivered, so a read that returns
    // less than asked for once the stated size is in ends the file without
    // one more call to see the end.
    const auto stated = static_cast<size_t>(std::max<off_t>(st.st_size, 0));
    size_ = 0;
    Reserve(stated + 1);
    for (;;) {
      if (size_ == capacity_) Reserve(2 * capacity_);
      const size_t wanted = capacity_ - size_;
      const ssize_t n = read(fd, buffer_.get() + size_, wanted);
      if (n < 0) {
        if (errno == EINTR) continue;
        const int saved = errno;
        close(fd);
        errno = saved;
        return false;
      }
      size_ += static_cast<size_t>(n);
      if (n == 0 || (size_ >= stated && static_cast<size_t>(n) < wanted)) break;
    }
    close(fd);
    return true;
  }

  // Makes room for `capacity` bytes, keeping the first size_.
  void Reserve(size_t capacity) {
    if (capacity <= capacity_) return;
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
    capacity_ = capacity;
  }

  std::vector<MaildirFolder> folders_;
  std::vector<MaildirFile> files_;
  size_t next_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t size_ = 0;
  size_t capacity_ = 0;
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

// Opens a Maildir folder and appends its regular files (or links to them).
// readdir rather than std::filesystem: a listing of thousands of messages
// should cost less than reading them, and the file type usually comes with
// the name. False when the folder is not a readable directory.
bool ListFolder(const std::string& path, size_t index, std::vector<MaildirFolder>* folders,
                std::vector<MaildirFile>* files) {
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  DIR* d = fdopendir(dup(fd));
  if (d == nullptr) {
    close(fd);
    return false;
  }
  folders->push_back({path, fd});
  while (const dirent* entry = readdir(d)) {
    bool regular = entry->d_type == DT_REG;
    if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
      struct stat st {};
      regular = fstatat(fd, entry->d_name, &st, 0) == 0 && S_ISREG(st.st_mode);
    }
    if (regular) files->push_back({index, entry->d_name});
  }
  closedir(d);
  return true;
}

}  // namespace

Result<std::unique_ptr<MailSource>> OpenMailSource(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<MaildirFolder> folders;
    std::vector<MaildirFile> files;
    for (const char* sub : {"cur", "new"}) {
      ListFolder((fs::path(path) / sub).string(), folders.size(), &folders, &files);
    }
    if (folders.empty()) return Error{path + ": not a Maildir (no cur/ or new/ folder)"};
    // cur/ before new/, then by name: plain string compares (sorting
    // thousands of fs::path objects compares them component by component).
    std::sort(files.begin(), files.end(), [](const MaildirFile& a, const MaildirFile& b) {
      return a.folder != b.folder ? a.folder < b.folder : a.name < b.name;
    });
    return std::unique_ptr<MailSource>(new MaildirSource(std::move(folders), std::move(files)));
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
