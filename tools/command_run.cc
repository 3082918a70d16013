// `sievec run SCRIPT MESSAGE [--envelope-from A] [--envelope-to A] [--json]
// [--trace]`: evaluate a script on one message and show what would happen.
//
// Without --envelope-from/--envelope-to the envelope is taken from the
// message: Return-Path (else From) for the sender, Delivered-To (else the
// first To) for the recipient — what a local delivery would most likely see.
// Exit status: 0 evaluated (even with a runtime error, which is shown: the
// message is kept), 1 the script does not compile, 2 usage or I/O error.
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "tools/action_output.h"
#include "tools/compile_script.h"
#include "tools/envelope_defaults.h"
#include "tools/subcommand.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

int RunRun(Args args) {
  std::string script_path, message_path;
  std::optional<std::string> from, to;
  bool json = false, trace = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--trace") {
      trace = true;
    } else if ((arg == "--envelope-from" || arg == "--envelope-to") && i + 1 < args.size()) {
      (arg == "--envelope-from" ? from : to) = args[++i];
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
                 " [--json] [--trace]\n";
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
  if (json) {
    JsonWriter out;
    WriteResultJson(result, out);
    std::cout << out.str() << "\n";
  } else {
    std::cout << FormatResultText(result);
  }
  return kExitOk;
}

}  // namespace sievekit::tools
