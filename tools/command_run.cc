// `sievec run SCRIPT MESSAGE [--envelope-from A] [--envelope-to A] [--json]
// [--trace] [--store PATH]`: evaluate a script on one message and show what
// would happen.
//
// Without --envelope-from/--envelope-to the envelope is taken from the
// message: Return-Path (else From) for the sender, Delivered-To (else the
// first To) for the recipient — what a local delivery would most likely see.
// Notify actions are shown with the notification the delivery helpers
// compose for them (or the rule that suppresses it); nothing is sent.
// Vacation actions likewise show the reply (or why none goes out). Replies
// are rate-limited through a response store: an in-memory one that lives
// for the run, or with --store the SQLite file PATH, which remembers the
// replies so that repeated runs show the rate limit. A store that cannot be
// opened is reported in the outcome ("store-error"), as a delivery would.
// Exit status: 0 evaluated, 1 the script does not compile, 2 usage or I/O
// error, 3 evaluated but a runtime error stopped the script (it is shown, and
// the message is kept) — so that a shell script can tell a failed run.
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "tools/action_output.h"
#include "tools/compile_script.h"
#include "tools/envelope_defaults.h"
#include "tools/execution_preview.h"
#include "store/sqlite_response_store.h"
#include "tools/subcommand.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

int RunRun(Args args) {
  std::string script_path, message_path;
  std::optional<std::string> from, to, store_path;
  bool json = false, trace = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--trace") {
      trace = true;
    } else if ((arg == "--envelope-from" || arg == "--envelope-to") && i + 1 < args.size()) {
      (arg == "--envelope-from" ? from : to) = args[++i];
    } else if (arg == "--store" && i + 1 < args.size()) {
      store_path = args[++i];
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      std::cerr << "sievec run: unknown option '" << arg << "'\n";
      return kExitUsage;
    } else if (script_path.empty()) {
      script_path = arg;
    } else if (message_path.empty()) {
      message_path = arg;
    } else {
      std::cerr << "sievec run: too many arguments\n";
      return kExitUsage;
    }
  }
  if (script_path.empty() || message_path.empty()) {
    std::cerr << "usage: sievec run SCRIPT MESSAGE [--envelope-from ADDR] [--envelope-to ADDR]"
                 " [--json] [--trace] [--store PATH]\n";
    return kExitUsage;
  }
  std::ifstream in(message_path, std::ios::binary);
  if (!in) {
    std::cerr << "sievec: " << message_path << ": cannot open the message\n";
    return kExitUsage;
  }
  const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CompiledScript compiled = CompileScriptFile(script_path);
  if (!compiled.program) return compiled.status;

  vm::Evaluator evaluator;
  evaluator.message().Parse(message);
  const mail::Envelope envelope = EnvelopeFor(evaluator.message(), from, to);
  vm::EvalOptions options;
  options.trace = trace;
  const vm::EvalResult& result = evaluator.EvaluateParsed(*compiled.program, envelope, options);
  if (trace) {
    for (const std::string& line : result.trace) std::cerr << "trace: " << line << "\n";
  }
  // What the notifications would be, composed as a host would send them.
  ExecutionPreview preview = PreviewExecution(result, evaluator.message(), envelope);
  store::SqliteResponseStore responses(store_path.value_or(":memory:"));
  PreviewVacations(result, evaluator.message(), envelope, delivery::VacationOptions(), &responses,
                   store::Now(), &preview);
  if (json) {
    JsonWriter out;
    WriteResultJson(result, out, &preview);
    std::cout << out.str() << "\n";
  } else {
    std::cout << FormatResultText(result, &preview);
  }
  return result.errors.empty() ? kExitOk : kExitRuntimeError;
}

}  // namespace sievekit::tools
