// sievekit: the library API for mail delivery software.
//
// Compile a script once (source text or file) into a Program — or get its
// diagnostics — then evaluate the Program against message after message with
// an Evaluator per thread. Evaluation has no side effects: it returns the
// actions the script chose (keep, fileinto, redirect, discard, reject, ...),
// whether the implicit keep applies, and any runtime error (after which the
// message must be kept). Carrying out the actions is the host's job.
//
//   sievekit::CompileResult compiled = sievekit::CompileFile("user.sieve");
//   if (!compiled.ok()) { log(compiled.ErrorsText()); /* deliver to INBOX */ }
//   sievekit::Evaluator evaluator;                      // one per thread
//   sievekit::Envelope envelope{"<alice@example.com>", "<bob@example.org>"};
//   const sievekit::EvalResult& r = evaluator.Evaluate(*compiled.program, bytes, envelope);
//   for (const sievekit::Action& a : r.actions) { /* a.type, a.mailbox, ... */ }
//   if (r.implicit_keep) { /* store in INBOX */ }
//
// A Program is immutable and may be shared by any number of threads; an
// Evaluator reuses its buffers, so once warm an evaluation does not allocate.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "common/diagnostic.h"
#include "common/limits.h"
#include "common/result.h"
#include "common/source_file.h"
#include "mail/envelope.h"
#include "vm/action.h"
#include "vm/evaluator.h"
#include "vm/program.h"

namespace sievekit {

using Action = vm::Action;
using Envelope = mail::Envelope;
using EvalOptions = vm::EvalOptions;
using EvalResult = vm::EvalResult;
using Evaluator = vm::Evaluator;
using Program = vm::Program;
using RuntimeError = vm::RuntimeError;

struct CompileOptions {
  Limits limits;
  // Extensions the host does not offer (scripts requiring them fail to
  // compile, as if they did not exist).
  std::set<std::string, std::less<>> disabled_extensions;
};

struct CompileResult {
  std::shared_ptr<const Program> program;  // null when the script has errors
  Diagnostics diagnostics;                 // errors and warnings, in source order
  std::shared_ptr<const SourceFile> source;

  bool ok() const { return program != nullptr; }
  // The diagnostics as clang-style text (FILE:LINE:COL: error: ...).
  std::string ErrorsText() const;
};

// Compiles script text; `name` is used in diagnostics.
CompileResult Compile(std::string_view text, std::string name = "script",
                      const CompileOptions& options = {});
// Reads and compiles a file; when it cannot be read, `io_error` says why and
// there is neither a program nor diagnostics.
struct FileCompileResult : CompileResult {
  std::string io_error;  // non-empty when the file could not be read
};
FileCompileResult CompileFile(const std::string& path, const CompileOptions& options = {});

// The binary form of a program (what `sievec compile` writes), and loading
// it back. Loading treats the bytes as hostile: magic, version, checksum, a
// verifier over every call and instruction; anything wrong is an Error.
std::string SaveBinary(const Program& program);
Result<std::shared_ptr<const Program>> LoadBinary(std::string_view bytes,
                                                  const CompileOptions& options = {});

}  // namespace sievekit
