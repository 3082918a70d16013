// Uses the installed library exactly as its header documents; exits 0 when
// the script files the message as expected.
#include <cstdio>

#include "sievekit/sievekit.h"

int main() {
  sievekit::CompileResult compiled = sievekit::Compile(
      "require \"fileinto\";\n"
      "if header :contains \"subject\" \"report\" { fileinto \"Reports\"; }\n");
  if (!compiled.ok()) {
    std::fputs(compiled.ErrorsText().c_str(), stderr);
    return 1;
  }
  sievekit::Evaluator evaluator;
  const sievekit::Envelope envelope{"<a@example.com>", "<b@example.org>", "", ""};
  const sievekit::EvalResult& r = evaluator.Evaluate(
      *compiled.program, "Subject: Monthly report\r\n\r\nbody\r\n", envelope);
  const bool ok = r.actions.size() == 1 && r.actions[0].type == "fileinto" &&
                  r.actions[0].mailbox == "Reports" && !r.implicit_keep;
  std::puts(ok ? "consumer: ok" : "consumer: unexpected result");
  return ok ? 0 : 1;
}
