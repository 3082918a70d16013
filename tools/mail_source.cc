// Maildir and mbox readers (see mail_source.h).
#include "tools/mail_source.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

namespace sievekit::tools {
namespace {

namespace fs = std::filesystem;

// Most messages fit in the first buffer, so most are read with one read().
constexpr size_t kFirstBufferSize = 256 * 1024;

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

// Reads a whole file into *buffer (growing it, never shrinking it) with
// plain system calls: a batch reads thousands of files, and a stream per file
// costs more than the read. Sets *size; false with errno set on failure.
//
// No fstat for the size: open, read, close is the least a file can cost, and
// a fourth call per message is measurable. A read of a regular file returns
// less than asked only at its end (a Maildir file does not change once
// delivered), so a short read ends the file; a full buffer grows and reading
// goes on.
bool ReadWholeFile(int folder, const std::string& name, std::unique_ptr<char[]>* buffer,
                   size_t* capacity, size_t* size) {
  const int fd = openat(folder, name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  *size = 0;
  for (;;) {
    if (*size == *capacity) {
      const size_t bigger_capacity = std::max<size_t>(2 * *capacity, kFirstBufferSize);
      auto bigger = std::make_unique_for_overwrite<char[]>(bigger_capacity);
      if (*size > 0) std::memcpy(bigger.get(), buffer->get(), *size);
      *buffer = std::move(bigger);
      *capacity = bigger_capacity;
    }
    const size_t wanted = *capacity - *size;
    const ssize_t n = read(fd, buffer->get() + *size, wanted);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      close(fd);
      errno = saved;
      return false;
    }
    *size += static_cast<size_t>(n);
    if (static_cast<size_t>(n) < wanted) break;
  }
  close(fd);
  return true;
}

// The messages of a Maildir, read ahead by a second thread: opening and
// reading a file is mostly kernel time, which then runs on another core
// while the caller evaluates the message before it. Messages still come in
// listing order, and errors are reported in that order too.
//
// Files are claimed in order from one counter, by the reader thread and by
// the caller: a caller that would have to wait reads the next unclaimed file
// itself, so neither core idles while files are left (and a busy machine
// that leaves the reader no core costs little). File i goes to slot
// i % kSlots, free once the caller has moved past file i - kSlots. Reading
// ahead stops at kSlots files or kAheadBytes bytes not yet handed out, and a
// slot gives back a buffer grown past kKeepCapacity, so a Maildir of huge
// messages does not pile them up in memory. The reader starts at the first
// Next(), not at opening, and only where there is a second core.
class MaildirSource : public MailSource {
 public:
  MaildirSource(std::vector<MaildirFolder> folders, std::vector<MaildirFile> files)
      : folders_(std::move(folders)), files_(std::move(files)) {}
  ~MaildirSource() override {
    if (reader_.joinable()) {
      {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
      }
      reader_may_go_.notify_one();
      reader_.join();
    }
    for (const MaildirFolder& folder : folders_) close(folder.fd);
  }

  bool Next(SourcedMessage* message) override {
    if (!started_) {
      started_ = true;
      if (files_.size() > 1 && std::thread::hardware_concurrency() > 1) {
        reader_ = std::thread([this] { ReadAhead(); });
      }
    }
    while (taken_ < files_.size()) {
      Release(taken_);
      AwaitOrRead(taken_);
      const Slot& slot = slots_[taken_ % kSlots];
      const MaildirFile& file = files_[taken_++];
      if (slot.error != 0) {
        errors.push_back(folders_[file.folder].path + "/" + file.name +
                         ": cannot read: " + std::strerror(slot.error));
        continue;
      }
      message->bytes = std::string_view(slot.buffer.get(), slot.size);
      message->name.assign(file.name);
      message->mbox_sender.clear();
      return true;
    }
    return false;
  }
  size_t count_hint() const override { return files_.size(); }

 private:
  static constexpr uint64_t kSlots = 16;
  // A reader that may not go on sleeps until it may read this many more
  // files, not one: waking a thread per message would cost more than the
  // read it overlaps.
  static constexpr uint64_t kHysteresis = kSlots / 2;
  static constexpr size_t kAheadBytes = 8 * 1024 * 1024;
  static constexpr size_t kKeepCapacity = 1024 * 1024;

  struct Slot {
    std::unique_ptr<char[]> buffer;
    size_t capacity = 0;
    size_t size = 0;
    int error = 0;                     // errno of a failed read, 0 when read
    std::atomic<uint64_t> filled{0};  // 1 + the index of the file it holds
  };

  // Reads file i into its slot (which must be free) and publishes it.
  void Fill(uint64_t i) {
    Slot& slot = slots_[i % kSlots];
    if (slot.capacity > kKeepCapacity) {
      slot.buffer.reset();
      slot.capacity = 0;
    }
    const MaildirFile& file = files_[i];
    slot.error = ReadWholeFile(folders_[file.folder].fd, file.name, &slot.buffer,
                               &slot.capacity, &slot.size)
                     ? 0
                     : errno;
    if (slot.error != 0) slot.size = 0;
    const std::lock_guard lock(mutex_);
    slot.filled.store(i + 1, std::memory_order_release);
    ahead_bytes_ += slot.size;
    if (caller_waits_for_ == i + 1) file_filled_.notify_one();
  }

  // Whether the reader may read file i now (mutex_ held). `more` asks for
  // room for kHysteresis files, as a sleeping reader does before it wakes.
  bool ReaderMayRead(uint64_t i, uint64_t more) const {
    if (stopping_) return true;
    if (i == released_) return true;  // the caller needs it next
    return i + more <= released_ + kSlots && ahead_bytes_ < kAheadBytes / (more > 1 ? 2 : 1);
  }

  // Caller: every file before `taken` is done with; its slot may be refilled.
  void Release(uint64_t taken) {
    const std::lock_guard lock(mutex_);
    if (taken > released_) ahead_bytes_ -= slots_[(taken - 1) % kSlots].size;
    released_ = taken;
    if (reader_waits_for_ != 0 && ReaderMayRead(reader_waits_for_ - 1, kHysteresis)) {
      reader_waits_for_ = 0;
      reader_may_go_.notify_one();
    }
  }

  // Caller: returns once file i is in its slot, reading unclaimed files
  // (i's own, or later ones that the reader could read now) rather than
  // waiting for the reader.
  void AwaitOrRead(uint64_t i) {
    Slot& slot = slots_[i % kSlots];
    while (slot.filled.load(std::memory_order_acquire) != i + 1) {
      uint64_t next = next_claim_.load(std::memory_order_relaxed);
      bool may_read = next == i;
      if (next > i && next < files_.size()) {
        const std::lock_guard lock(mutex_);
        may_read = ReaderMayRead(next, 1);
      }
      if (may_read &&
          next_claim_.compare_exchange_strong(next, next + 1, std::memory_order_acq_rel)) {
        Fill(next);
        continue;
      }
      // File i is being read by the reader.
      std::unique_lock lock(mutex_);
      caller_waits_for_ = i + 1;
      file_filled_.wait(lock, [&] { return slot.filled.load(std::memory_order_acquire) == i + 1; });
      caller_waits_for_ = 0;
    }
  }

  // The reader thread.
  void ReadAhead() {
    for (;;) {
      const uint64_t i = next_claim_.fetch_add(1, std::memory_order_acq_rel);
      if (i >= files_.size()) return;
      {
        std::unique_lock lock(mutex_);
        if (!ReaderMayRead(i, 1)) {
          // The caller gets there: every file before i is read (this
          // thread claims in order), so it never waits before it.
          reader_waits_for_ = i + 1;
          reader_may_go_.wait(lock, [&] { return reader_waits_for_ == 0 || stopping_; });
        }
        if (stopping_) return;
      }
      Fill(i);
    }
  }

  std::vector<MaildirFolder> folders_;
  std::vector<MaildirFile> files_;
  Slot slots_[kSlots];
  bool started_ = false;                 // caller only
  uint64_t taken_ = 0;                   // files handed out so far (caller only)
  std::atomic<uint64_t> next_claim_{0};  // the next file nobody reads yet

  // Guarded by mutex_. A *_waits_for_ of 0 means that side is not waiting;
  // otherwise it is 1 + the file it waits for.
  std::mutex mutex_;
  std::condition_variable file_filled_, reader_may_go_;
  uint64_t released_ = 0;     // files whose slots the caller gave back
  size_t ahead_bytes_ = 0;    // bytes read but not yet released
  uint64_t caller_waits_for_ = 0;
  uint64_t reader_waits_for_ = 0;
  bool stopping_ = false;
  std::thread reader_;
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
