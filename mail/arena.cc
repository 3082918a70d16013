// TextArena: bump allocation in blocks that are kept across messages. A block
// never moves or shrinks while views into it may exist (only Reset may drop
// blocks), and single strings are never freed.
#include "mail/arena.h"

#include <algorithm>
#include <cstdint>

namespace sievekit::mail {

std::string_view TextArena::Store(std::string_view text) {
  if (text.empty()) return {};
  char* memory = static_cast<char*>(Allocate(text.size(), 1));
  std::memcpy(memory, text.data(), text.size());
  return {memory, text.size()};
}

void* TextArena::Allocate(size_t size, size_t alignment) {
  if (blocks_.empty()) {
    const size_t block_size = std::max(kBlockSize, size + alignment);
    blocks_.push_back({std::make_unique<char[]>(block_size), block_size});
    current_ = 0;
    used_ = 0;
  }
  for (;;) {
    Block& block = blocks_[current_];
    const auto base = reinterpret_cast<uintptr_t>(block.data.get());
    const uintptr_t aligned = (base + used_ + alignment - 1) & ~(uintptr_t{alignment} - 1);
    const size_t offset = static_cast<size_t>(aligned - base);
    if (offset <= block.size && size <= block.size - offset) {
      used_ = offset + size;
      return block.data.get() + offset;
    }
    used_before_current_ += used_;
    used_ = 0;
    // Reuse the next kept block when it is big enough; otherwise put a new
    // one in front of it, so the kept block stays available for later.
    if (current_ + 1 < blocks_.size() && blocks_[current_ + 1].size >= size + alignment) {
      ++current_;
      continue;
    }
    const size_t block_size = std::max(kBlockSize, size + alignment);
    blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(current_ + 1),
                   Block{std::make_unique<char[]>(block_size), block_size});
    ++current_;
  }
}

void TextArena::Reset() {
  if (capacity() > kMaxRetainedBytes) {
    blocks_.clear();
  }
  current_ = 0;
  used_ = 0;
  used_before_current_ = 0;
}

bool TextArena::Contains(const char* data, size_t size) const {
  if (blocks_.empty()) return false;
  // Compared as integers: pointers into different arrays do not order.
  const auto begin = reinterpret_cast<uintptr_t>(data);
  for (size_t i = 0; i <= current_; ++i) {
    const auto base = reinterpret_cast<uintptr_t>(blocks_[i].data.get());
    const size_t used = i == current_ ? used_ : blocks_[i].size;
    if (begin >= base && begin - base <= used && size <= used - (begin - base)) return true;
  }
  return false;
}

size_t TextArena::bytes_used() const { return used_before_current_ + used_; }

size_t TextArena::capacity() const {
  size_t total = 0;
  for (const Block& block : blocks_) total += block.size;
  return total;
}

}  // namespace sievekit::mail
