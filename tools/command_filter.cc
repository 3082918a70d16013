// `sievec filter SCRIPT PATH [--json] [--envelope-to ADDR] [--quiet]`: run a
// script over every message of a Maildir or mbox in one process — what
// re-filtering existing mail does, and what the benchmarks measure.
//
// Text output is a summary (messages, actions by type, implicit keeps,
// runtime errors); --json prints one JSON object per message, one per line.
// Progress goes to stderr when it is a terminal. Messages are evaluated on
// this thread, one at a time and in order; a Maildir's files are read ahead
// on a second one (see MailSource). Nothing is moved or changed: this is a
// dry run. Exit: 0 done, 1 the script does not compile, 2 usage or I/O
// error.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "tools/action_output.h"
#include "tools/compile_script.h"
#include "tools/envelope_defaults.h"
#include "tools/mail_source.h"
#include "tools/subcommand.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

int RunFilter(Args args) {
  std::string script_path, mail_path;
  std::optional<std::string> to;
  bool json = false, quiet = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--envelope-to" && i + 1 < args.size()) {
      to = args[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "sievec filter: unknown option '" << arg << "'\n";
      return kExitUsage;
    } else if (script_path.empty()) {
      script_path = arg;
    } else if (mail_path.empty()) {
      mail_path = arg;
    } else {
      std::cerr << "sievec filter: too many arguments\n";
      return kExitUsage;
    }
  }
  if (script_path.empty() || mail_path.empty()) {
    std::cerr << "usage: sievec filter SCRIPT MAILDIR|MBOX [--json] [--envelope-to ADDR]\n";
    return kExitUsage;
  }
  CompiledScript compiled = CompileScriptFile(script_path);
  if (!compiled.program) return compiled.status;
  auto source = OpenMailSource(mail_path);
  if (!source.ok()) {
    std::cerr << "sievec: " << source.error().message << "\n";
    return kExitUsage;
  }

  vm::Evaluator evaluator;
  const vm::EvalOptions options;
  std::map<std::string, uint64_t, std::less<>> by_type;
  uint64_t messages = 0, implicit_keeps = 0, failed = 0;
  const bool progress = !quiet && !json && isatty(STDERR_FILENO) != 0;
  const size_t total = (*source)->count_hint();
  const auto start = std::chrono::steady_clock::now();
  SourcedMessage message;
  JsonWriter line;
  while ((*source)->Next(&message)) {
    evaluator.message().Parse(message.bytes);
    std::optional<std::string> from;
    if (!message.mbox_sender.empty()) from = message.mbox_sender;
    const mail::Envelope envelope = EnvelopeFor(evaluator.message(), from, to);
    const vm::EvalResult& result = evaluator.EvaluateParsed(*compiled.program, envelope, options);
    ++messages;
    for (const vm::Action& a : result.actions) {
      // Looked up by view: a key is only built for a type not seen yet.
      auto it = by_type.find(a.type);
      if (it == by_type.end()) it = by_type.emplace(std::string(a.type), 0).first;
      ++it->second;
    }
    if (result.implicit_keep) ++implicit_keeps;
    if (!result.errors.empty()) ++failed;
    if (json) {
      line.Clear();
      line.BeginObject().Key("message").String(message.name).Key("result");
      WriteResultJson(result, line);
      line.EndObject();
      std::cout.write(line.str().data(), static_cast<std::streamsize>(line.str().size()));
      std::cout.put('\n');
    }
    if (progress && messages % 1000 == 0) {
      std::cerr << fmt::format("\r{} / {} messages", messages, total ? std::to_string(total) : "?")
                << std::flush;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (progress) std::cerr << "\r" << std::string(40, ' ') << "\r";
  for (const std::string& error : (*source)->errors) std::cerr << "sievec: " << error << "\n";
  if (!json) {
    std::cout << fmt::format("{} messages in {:.3f} s\n", messages, seconds);
    for (const auto& [type, n] : by_type) std::cout << fmt::format("  {:<10} {}\n", type, n);
    std::cout << fmt::format("  {:<10} {}\n", "keep*", implicit_keeps);
    std::cout << fmt::format("  {:<10} {}\n", "errors", failed);
    std::cout << "(keep* = the implicit keep; errors = messages whose evaluation failed and "
                 "were kept)\n";
  }
  return (*source)->errors.empty() ? kExitOk : kExitUsage;
}

}  // namespace sievekit::tools
