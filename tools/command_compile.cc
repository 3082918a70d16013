// `sievec compile FILE [-o OUT]`: compile a script and write its binary
// (vm/binary.h). OUT defaults to FILE with ".sieve" replaced by ".svbin"
// (".svbin" appended when FILE has another name), the names Pigeonhole
// uses; "-o -" writes the binary to standard output. Also the
// Pigeonhole-compatible form `sievec FILE [OUT]`.
//
// The binary is written to a temporary file next to OUT and renamed over
// it, so a delivery agent loading OUT never sees half a file. Exit status:
// 0 written, 1 the script does not compile, 2 usage or I/O error.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "tools/compile_script.h"
#include "tools/subcommand.h"
#include "vm/binary.h"

namespace sievekit::tools {
namespace {

constexpr std::string_view kUsage = "usage: sievec compile FILE [-o OUT]\n";

// FILE.sieve → FILE.svbin; anything else gets ".svbin" appended.
std::string DefaultOutput(const std::string& path) {
  constexpr std::string_view kScript = ".sieve";
  if (path.size() > kScript.size() && path.ends_with(kScript)) {
    return path.substr(0, path.size() - kScript.size()) + ".svbin";
  }
  return path + ".svbin";
}

// Writes through a temporary file renamed over `path`.
bool WriteAtomically(const std::string& path, const std::string& bytes, std::string* error) {
  const std::string temporary = fmt::format("{}.tmp{}", path, getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      *error = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
      return false;
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      *error = fmt::format("{}: write error: {}", path, std::strerror(errno));
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    *error = fmt::format("{}: cannot write: {}", path, ec.message());
    std::filesystem::remove(temporary, ec);
    return false;
  }
  return true;
}

int Compile(const std::string& input, std::string output) {
  if (output.empty()) {
    if (input == "-") {
      std::cerr << "sievec compile: reading standard input needs -o OUT\n";
      return kExitUsage;
    }
    output = DefaultOutput(input);
  }
  CompiledScript compiled = CompileScriptFile(input, ir::CompileOptions{}, CompilePurpose::kSave);
  if (!compiled.program) return compiled.status;
  KeepUntilExit(compiled.program);
  auto saved = std::make_shared<std::string>(vm::SaveProgram(*compiled.program));
  KeepUntilExit(saved);
  const std::string& bytes = *saved;
  if (output == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return std::cout ? kExitOk : kExitUsage;
  }
  std::string error;
  if (!WriteAtomically(output, bytes, &error)) {
    std::cerr << "sievec: " << error << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

int RunCompile(Args args) {
  std::string input, output;
  bool have_output = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-o" || arg == "--output") {
      if (i + 1 >= args.size() || have_output) {
        std::cerr << kUsage;
        return kExitUsage;
      }
      output = args[++i];
      have_output = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << fmt::format("sievec compile: unknown option '{}'\n{}", arg, kUsage);
      return kExitUsage;
    } else if (input.empty()) {
      input = arg;
    } else {
      std::cerr << "sievec compile: too many arguments\n" << kUsage;
      return kExitUsage;
    }
  }
  if (input.empty() || (have_output && output.empty())) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  return Compile(input, output);
}

bool IsPigeonholeCompileForm(const std::string& first_argument) {
  std::error_code ec;
  return !first_argument.empty() && first_argument[0] != '-' &&
         std::filesystem::is_regular_file(first_argument, ec);
}

int RunPigeonholeCompile(Args args) {
  if (args.empty() || args.size() > 2) {
    std::cerr << "usage: sievec FILE [OUT]\n";
    return kExitUsage;
  }
  return Compile(args[0], args.size() == 2 ? args[1] : std::string());
}

}  // namespace sievekit::tools
