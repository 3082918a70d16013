// Fuzz target: the parser. Any input must parse without crashing; a script
// that parses cleanly must re-print byte for byte, pass the tree verifier,
// and format into a script that parses to the same tree.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "parser/formatter.h"
#include "parser/parser.h"
#include "parser/printer.h"
#include "parser/tree_dump.h"
#include "parser/tree_verifier.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sievekit;
  auto source = std::make_shared<SourceFile>(
      "fuzz", std::string(reinterpret_cast<const char*>(data), size));
  syntax::ParseResult result = syntax::Parse(source);
  if (!result.complete || result.diagnostics.has_errors()) return 0;
  FUZZ_CHECK(syntax::PrintLossless(result.tree) == source->text(), "lossless re-print");
  FUZZ_CHECK(!syntax::VerifyTree(result.tree).has_value(), "tree verifier");
  const std::string formatted = syntax::Format(result.tree);
  syntax::ParseResult again = syntax::Parse(std::make_shared<SourceFile>("formatted", formatted));
  FUZZ_CHECK(again.complete && !again.diagnostics.has_errors(), "formatted script parses");
  const syntax::DumpOptions normalized{true};
  FUZZ_CHECK(syntax::DumpTree(again.tree, normalized) == syntax::DumpTree(result.tree, normalized),
             "formatting keeps the tree");
  FUZZ_CHECK(syntax::Format(again.tree) == formatted, "formatting is idempotent");
  return 0;
}
