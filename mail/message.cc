// Message: header scan and index at Parse, everything else on demand. Parse
// must stay cheap (one pass over the header bytes) and must forget every
// cache of the previous message while keeping every buffer.
#include "mail/message.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "mail/header_values.h"

namespace sievekit::mail {
namespace {

// Shared by all Messages so that a generation is never seen twice, even by a
// Message built where a destroyed one lived.
std::atomic<uint64_t> g_generations{0};

// The LFs in bytes [from, to) of `begin` not preceded by a CR (the byte
// before `from` counts as preceding). One memchr per line.
size_t CountBareLineFeedsScalar(const char* begin, size_t from, size_t to) {
  size_t count = 0;
  for (const char* at = begin + from;; ++at) {
    at = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(begin + to - at)));
    if (at == nullptr) return count;
    if (at == begin || at[-1] != '\r') ++count;
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same, 32 bytes a step with AVX2 where the CPU has it: a size test
// between the stored size and twice it counts the line ends of most of a
// message, and mail lines are short, so a call per line costs more than
// the comparison of every byte. Per step: a byte is a bare LF when it is LF
// and the byte before it is not CR; each lane of `counts` adds them up (at
// most 255 steps before it is summed, so no lane overflows).
__attribute__((target("avx2"))) size_t CountBareLineFeedsAvx2(const char* begin, size_t from,
                                                              size_t to) {
  size_t count = 0;
  size_t i = from;
  if (i == 0 && i < to) {  // the first byte has no byte before it
    count += begin[0] == '\n' ? 1 : 0;
    i = 1;
  }
  const __m256i lf = _mm256_set1_epi8('\n');
  const __m256i cr = _mm256_set1_epi8('\r');
  while (to - i >= 32) {
    const size_t steps = std::min<size_t>((to - i) / 32, 255);
    __m256i counts = _mm256_setzero_si256();
    for (size_t step = 0; step < steps; ++step, i += 32) {
      const __m256i here = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(begin + i));
      const __m256i before = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(begin + i - 1));
      const __m256i bare =
          _mm256_andnot_si256(_mm256_cmpeq_epi8(before, cr), _mm256_cmpeq_epi8(here, lf));
      counts = _mm256_sub_epi8(counts, bare);  // a match is -1 in its lane
    }
    const __m256i sums = _mm256_sad_epu8(counts, _mm256_setzero_si256());
    count += static_cast<size_t>(_mm256_extract_epi64(sums, 0)) +
             static_cast<size_t>(_mm256_extract_epi64(sums, 1)) +
             static_cast<size_t>(_mm256_extract_epi64(sums, 2)) +
             static_cast<size_t>(_mm256_extract_epi64(sums, 3));
  }
  return count + (i < to ? CountBareLineFeedsScalar(begin, i, to) : 0);
}

size_t CountBareLineFeeds(const char* begin, size_t from, size_t to) {
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
  return kAvx2 ? CountBareLineFeedsAvx2(begin, from, to)
               : CountBareLineFeedsScalar(begin, from, to);
}
#else
size_t CountBareLineFeeds(const char* begin, size_t from, size_t to) {
  return CountBareLineFeedsScalar(begin, from, to);
}
#endif

// CompareWireSize counts this many bytes between checks of its bounds.
constexpr size_t kWireSizeChunk = 4096;

}  // namespace

Message::Message(const MessageLimits& limits) : limits_(limits) {}

void Message::Parse(std::string_view bytes) {
  bytes_ = bytes;
  generation_ = g_generations.fetch_add(1, std::memory_order_relaxed) + 1;
  wire_size_ = SIZE_MAX;
  counted_to_ = 0;
  bare_lf_ = 0;
  fields_.clear();
  parsed_paths_.clear();
  mime_.Clear();
  workspace_.Reset();
  HeaderScanOptions options;
  options.allow_mbox_from = true;
  options.max_fields = limits_.max_header_fields;
  options.max_field_size = limits_.max_header_field_size;
  scan_ = ScanHeaderSection(bytes, options, &fields_);
  index_.Build(fields_);
}

const MimeTree& Message::Mime() {
  if (!mime_.built()) {
    mime_.Build(fields_, header_bytes(), body(), limits_, &workspace_);
  }
  return mime_;
}

std::span<const HeaderField> Message::PartFields(uint32_t part) { return Mime().fields(part); }

std::string_view Message::PartContent(uint32_t part) {
  Mime();
  return mime_.Content(part, &workspace_);
}

std::string_view Message::PartText(uint32_t part) {
  Mime();
  return mime_.Text(part, &workspace_);
}

EnvelopePath Message::ParseEnvelopePath(std::string_view path) {
  for (const ParsedPath& parsed : parsed_paths_) {
    if (parsed.text == path) return parsed.path;
  }
  if (parsed_paths_.size() >= kMaxParsedPaths) {
    return workspace_.addresses.ParseEnvelopePath(path, &workspace_.arena);
  }
  // Parsed from the arena copy, so that the result's views (which may point
  // into the text) outlive the caller's string.
  const std::string_view text = workspace_.arena.Store(path);
  const EnvelopePath result = workspace_.addresses.ParseEnvelopePath(text, &workspace_.arena);
  parsed_paths_.push_back({text, result});
  return result;
}

bool Message::Owns(std::string_view text) const {
  if (text.empty()) return false;
  const auto begin = reinterpret_cast<uintptr_t>(text.data());
  const auto base = reinterpret_cast<uintptr_t>(bytes_.data());
  if (begin >= base && begin - base <= bytes_.size() &&
      text.size() <= bytes_.size() - (begin - base)) {
    return true;
  }
  return workspace_.arena.Contains(text.data(), text.size());
}

size_t Message::wire_size() {
  if (wire_size_ == SIZE_MAX) {
    bare_lf_ += CountBareLineFeeds(bytes_.data(), counted_to_, bytes_.size());
    counted_to_ = bytes_.size();
    wire_size_ = bytes_.size() + bare_lf_;
  }
  return wire_size_;
}

int Message::CompareWireSize(size_t limit) {
  const size_t n = bytes_.size();
  // The wire size lies in [n + bare_lf_, n + bare_lf_ + (n - counted_to_)]:
  // each byte not yet read adds at most one octet. Counted a chunk at a
  // time until the bounds decide.
  while (true) {
    const size_t low = n + bare_lf_;
    if (low > limit) return 1;
    if (counted_to_ >= n) {
      wire_size_ = low;
      return low < limit ? -1 : 0;
    }
    if (low + (n - counted_to_) < limit) return -1;
    const size_t end = n - counted_to_ > kWireSizeChunk ? counted_to_ + kWireSizeChunk : n;
    bare_lf_ += CountBareLineFeeds(bytes_.data(), counted_to_, end);
    counted_to_ = end;
  }
}

}  // namespace sievekit::mail
