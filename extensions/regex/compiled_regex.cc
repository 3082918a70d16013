// RE2 behind CompiledRegex: the options that make it read what
// TranslateEre writes the way POSIX reads the original, and the search.
#include "extensions/regex/compiled_regex.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "common/utf8.h"
#include "extensions/regex/ere_translator.h"
#include "vm/string_template.h"

namespace sievekit::extensions::regex {
namespace {

RE2::Options Re2Options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_posix_syntax(true);    // no Perl extensions (TranslateEre emits none)
  options.set_longest_match(true);   // POSIX leftmost-longest
  options.set_one_line(false);       // ^ and $ also at line breaks (draft §3 table)
  options.set_dot_nl(false);         // . does not match newline (draft §3 table)
  options.set_case_sensitive(true);  // i;ascii-casemap is done by TranslateEre
  options.set_max_mem(kRegexMemory);
  options.set_log_errors(false);     // errors are reported as diagnostics
  return options;
}

// The most submatches a search asks RE2 for: the whole match and the groups
// the VM keeps as match variables.
constexpr size_t kMaxSubmatches = vm::kMaxMatchVariableIndex + 1;

}  // namespace

CompiledRegex::CompiledRegex(std::unique_ptr<re2::RE2> re, uint32_t groups)
    : re_(std::move(re)), groups_(groups) {}

CompiledRegex::~CompiledRegex() = default;

Result<std::unique_ptr<const CompiledRegex>> CompiledRegex::Compile(std::string_view ere,
                                                                    bool ascii_casefold) {
  if (ere.size() > kMaxRegexSize) {
    return Error{fmt::format("the regex is {} bytes long, more than the limit of {} bytes "
                             "(max_regex_size)",
                             ere.size(), kMaxRegexSize)};
  }
  EreTranslation translation = TranslateEre(ere, ascii_casefold);
  if (!translation.ok) return Error{std::move(translation.error)};
  auto re = std::make_unique<re2::RE2>(translation.pattern, Re2Options());
  if (!re->ok()) {
    switch (re->error_code()) {
      case RE2::ErrorPatternTooLarge:
        return Error{fmt::format("the regex needs more than the regex memory limit of {} KiB "
                                 "(max_regex_memory)",
                                 kRegexMemory / 1024)};
      case RE2::ErrorRepeatSize:
        return Error{"nested repetition counts multiply to more than RE2's limit of 1000"};
      default:
        // TranslateEre writes only syntax RE2 accepts; anything else is
        // RE2's own reason.
        return Error{"RE2: " + re->error()};
    }
  }
  const auto groups = static_cast<uint32_t>(std::max(re->NumberOfCapturingGroups(), 0));
  return std::unique_ptr<const CompiledRegex>(new CompiledRegex(std::move(re), groups));
}

bool CompiledRegex::Search(std::string_view text, std::vector<std::string_view>* captures,
                           uint32_t max_groups) const {
  const re2::StringPiece input(text.data(), text.size());
  if (captures == nullptr) {
    return re_->Match(input, 0, input.size(), RE2::UNANCHORED, nullptr, 0);
  }
  const size_t count = std::min<size_t>(std::min(groups_, max_groups) + size_t{1}, kMaxSubmatches);
  std::array<re2::StringPiece, kMaxSubmatches> submatches;
  if (!re_->Match(input, 0, input.size(), RE2::UNANCHORED, submatches.data(),
                  static_cast<int>(count))) {
    return false;
  }
  captures->clear();
  for (size_t i = 0; i < count; ++i) {
    const re2::StringPiece& s = submatches[i];
    captures->push_back(s.data() == nullptr ? std::string_view()
                                            : std::string_view(s.data(), s.size()));
  }
  return true;
}

std::string_view ValidUtf8(std::string_view text, std::string* scratch) {
  std::optional<size_t> invalid = utf8::FindInvalid(text);
  if (!invalid) return text;
  scratch->assign(text.substr(0, *invalid));
  size_t pos = *invalid;
  while (pos < text.size()) {
    const size_t length = utf8::SequenceLength(text.substr(pos));
    if (length == 0) {
      scratch->append("\xEF\xBF\xBD");  // U+FFFD
      ++pos;
    } else {
      scratch->append(text.substr(pos, length));
      pos += length;
    }
  }
  return *scratch;
}

}  // namespace sievekit::extensions::regex
