// TextArena: stable storage for the strings a parsed message computes
// (unfolded and decoded header values, address parts, decoded MIME bodies).
//
// Everything the mail module hands out is a std::string_view; views into the
// message point at the caller's bytes, and views of computed text point into
// this arena. Blocks never move, so a view stays valid until Reset(), which a
// Message calls when it parses the next message. Reset keeps the blocks, so a
// warm Message computes values without allocating. The arena never frees
// individual strings and is not thread-safe.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sievekit::mail {

class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;
  TextArena(TextArena&&) = default;
  TextArena& operator=(TextArena&&) = default;

  // A copy of text that lives until Reset().
  std::string_view Store(std::string_view text);

  // A copy of items that lives until Reset(); T must be trivially copyable.
  template <typename T>
  std::span<const T> StoreArray(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    void* memory = Allocate(items.size_bytes(), alignof(T));
    std::memcpy(memory, items.data(), items.size_bytes());
    return {static_cast<const T*>(memory), items.size()};
  }

  // Forgets every stored string; keeps the blocks for reuse unless they
  // exceed kMaxRetainedBytes (one huge message must not pin its memory).
  void Reset();

  // Whether [data, data + size) lies in memory handed out since the last
  // Reset: such bytes stay unchanged until the next Reset.
  bool Contains(const char* data, size_t size) const;

  // Bytes handed out since the last Reset (alignment padding included).
  size_t bytes_used() const;
  // Bytes held in blocks.
  size_t capacity() const;

  static constexpr size_t kBlockSize = 16 * 1024;
  static constexpr size_t kMaxRetainedBytes = 8 * 1024 * 1024;

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size = 0;
  };

  void* Allocate(size_t size, size_t alignment);

  std::vector<Block> blocks_;
  size_t current_ = 0;  // block being filled
  size_t used_ = 0;     // bytes used in blocks_[current_]
  size_t used_before_current_ = 0;
};

}  // namespace sievekit::mail
