// bench_corpus: writes the comparison corpus of bench/compare.sh — the same
// messages as a Maildir and as an mbox, and GUI-shaped rule scripts — from
// the deterministic generators, so every run and every machine measures the
// same bytes.
//
//   bench_corpus OUTDIR [--messages N] [--rules N,N,...] [--seed S]
//                [--header-lines N] [--body-size BYTES]
//
// OUTDIR/Maildir/{cur,new,tmp}: one file per message in cur/ with an
// already-seen Maildir name (LF line ends, as Dovecot stores mail);
// OUTDIR/corpus.mbox: the same messages (mboxrd escaping); OUTDIR/messages.tsv:
// per message its Maildir file name and Message-ID (the comparison matches
// the two implementations' results by Message-ID); OUTDIR/rules-N.sieve per
// rule count. Defaults: 2,000 messages, 200 and 5,000 rules, 20-40 header
// lines and 1 KB-200 KB per message (--header-lines and --body-size fix them,
// for the scaling measurements of bench/scaling.sh). An existing
// Maildir is replaced. It never reads the clock: file names and contents
// depend only on the arguments.
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "bench/message_generator.h"
#include "bench/script_generator.h"

namespace {

namespace fs = std::filesystem;

struct CorpusOptions {
  fs::path out;
  uint32_t messages = 2000;
  std::vector<int> rules = {200, 5000};
  uint32_t seed = 7;
  uint32_t header_lines = 0;  // 0: the generator's 20-40
  uint32_t body_size = 0;     // 0: the generator's 1 KB-200 KB
};

bool ParseUint(std::string_view text, uint32_t* value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseArgs(int argc, char** argv, CorpusOptions* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--messages" && has_value) {
      if (!ParseUint(argv[++i], &options->messages)) return false;
    } else if (arg == "--seed" && has_value) {
      if (!ParseUint(argv[++i], &options->seed)) return false;
    } else if (arg == "--header-lines" && has_value) {
      if (!ParseUint(argv[++i], &options->header_lines)) return false;
    } else if (arg == "--body-size" && has_value) {
      if (!ParseUint(argv[++i], &options->body_size)) return false;
    } else if (arg == "--rules" && has_value) {
      options->rules.clear();
      std::string_view list = argv[++i];
      while (!list.empty()) {
        const size_t comma = list.find(',');
        uint32_t n = 0;
        if (!ParseUint(list.substr(0, comma), &n) || n == 0) return false;
        options->rules.push_back(static_cast<int>(n));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
    } else if (!arg.empty() && arg[0] != '-' && options->out.empty()) {
      options->out = arg;
    } else {
      return false;
    }
  }
  return !options->out.empty();
}

bool WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::cerr << "bench_corpus: cannot write " << path.string() << "\n";
    return false;
  }
  return true;
}

// mboxrd: a line that is "From " after any number of '>' gets one more '>'.
void AppendMboxMessage(std::string_view message, uint32_t index, std::string* out) {
  *out += fmt::format("From sender{}@example.com Mon Nov  3 10:00:00 2026\n", index);
  size_t line = 0;
  while (line < message.size()) {
    size_t end = message.find('\n', line);
    end = end == std::string_view::npos ? message.size() : end + 1;
    const std::string_view text = message.substr(line, end - line);
    size_t gt = 0;
    while (gt < text.size() && text[gt] == '>') ++gt;
    if (text.substr(gt, 5) == "From ") *out += '>';
    *out += text;
    line = end;
  }
  if (!message.empty() && message.back() != '\n') *out += '\n';
  *out += '\n';
}

// The Message-ID field's value as written (the generator puts it on one
// line), or "" when there is none.
std::string MessageId(std::string_view message) {
  constexpr std::string_view kField = "\nMessage-ID: ";
  const size_t at = message.find(kField);
  if (at == std::string_view::npos) return {};
  const size_t begin = at + kField.size();
  const size_t end = message.find('\n', begin);
  return std::string(message.substr(begin, end - begin));
}

}  // namespace

int main(int argc, char** argv) {
  CorpusOptions options;
  if (!ParseArgs(argc, argv, &options)) {
    std::cerr << "usage: bench_corpus OUTDIR [--messages N] [--rules N,N,...] [--seed S]\n"
                 "                    [--header-lines N] [--body-size BYTES]\n";
    return 2;
  }
  std::error_code ec;
  const fs::path maildir = options.out / "Maildir";
  fs::remove_all(maildir, ec);
  for (const char* sub : {"cur", "new", "tmp"}) {
    fs::create_directories(maildir / sub, ec);
    if (ec) {
      std::cerr << "bench_corpus: cannot create " << (maildir / sub).string() << ": "
                << ec.message() << "\n";
      return 2;
    }
  }
  sievekit::bench::MessageOptions message_options;
  message_options.crlf = false;
  message_options.header_lines = static_cast<int>(options.header_lines);
  message_options.body_size = options.body_size;
  std::string mbox;
  std::string index;
  uint64_t total_bytes = 0;
  for (uint32_t i = 0; i < options.messages; ++i) {
    const std::string message = sievekit::bench::GenerateMessage(i, options.seed, message_options);
    total_bytes += message.size();
    // Maildir names: time.unique.host, then ":2," and no flags (seen by
    // nobody yet, but in cur/ so that readers need not move it).
    const std::string name = fmt::format("{}.M{:06}P1.sievekit-bench:2,", 1762160000u + i, i);
    if (!WriteFile(maildir / "cur" / name, message)) return 2;
    AppendMboxMessage(message, i, &mbox);
    index += fmt::format("{}\t{}\n", name, MessageId(message));
  }
  if (!WriteFile(options.out / "corpus.mbox", mbox)) return 2;
  if (!WriteFile(options.out / "messages.tsv", index)) return 2;
  for (const int rules : options.rules) {
    const std::string script = sievekit::bench::GenerateRuleScript(rules);
    if (!WriteFile(options.out / fmt::format("rules-{}.sieve", rules), script)) return 2;
  }
  std::cout << fmt::format("{} messages ({} bytes) in {} and {}\n", options.messages, total_bytes,
                           maildir.string(), (options.out / "corpus.mbox").string());
  return 0;
}
