// The VM side of an extension: how a validated call is prepared into a
// runnable object, and the run-time hooks for match types and address parts
// that extensions add. ir::CallSpec, ir::MatchTypeSpec and
// ir::AddressPartSpec point at these; the registration function of the
// extension sets the pointers.
//
// Preparation happens once per Program — after code generation, and again
// after loading a binary — so everything costly (folding keys, compiling
// patterns, parsing templates) is done there, not per message. A prepared
// call is immutable and shared by every thread running the program.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "ir/ir.h"
#include "mail/address.h"
#include "vm/string_template.h"

namespace sievekit::vm {

class EvalContext;

// How a block ended, for commands that take one.
enum class BlockEnd : uint8_t {
  kNormal,   // control reached the end of the block
  kExit,     // a command in it asked to leave (EvalContext::RequestBlockExit)
  kError,    // a runtime error; the command may clear it to carry on after the block
};

// What to do after a block ended.
enum class BlockNext : uint8_t { kLeave, kRepeat };

// A runnable command or test.
class PreparedCall {
 public:
  virtual ~PreparedCall() = default;
  // Tests return their outcome. Commands do their work (usually adding an
  // action) and return true; a command with a block returns whether to run
  // the block. Either may raise a runtime error through ctx.
  virtual bool Run(EvalContext& ctx) const = 0;
  // Called when the block of a command that takes one ends; kRepeat runs it
  // again (the command must bound its repetitions).
  virtual BlockNext EndBlock(EvalContext& /*ctx*/, BlockEnd /*how*/) const {
    return BlockNext::kLeave;
  }
};

// What preparation may ask about the program being built.
class PrepareContext {
 public:
  explicit PrepareContext(const std::vector<const ir::ExtensionSpec*>& required)
      : required_(required) {}

  bool Requires(std::string_view extension) const;
  // A string argument: a template when the script uses variables, else a
  // constant.
  RuntimeString String(const ir::StringValue& value);
  std::vector<RuntimeString> Strings(const ir::Value& value);
  // Whether any string made so far reads a match variable.
  bool reads_match_variables() const { return reads_match_variables_; }
  // The id under which tests whose operands are the same values (equal
  // `description`s, made by the tests) share them per message through
  // EvalContext::operand_cache(). Ids are small and dense, per program.
  uint32_t OperandId(const std::string& description);

 private:
  const std::vector<const ir::ExtensionSpec*>& required_;
  bool reads_match_variables_ = false;
  std::unordered_map<std::string, uint32_t> operand_ids_;
};

struct CallRuntime {
  // Builds the runnable form of a validated call. An Error means the call
  // cannot run as given (only possible for a corrupt binary: the validator
  // has checked everything a script can get wrong).
  Result<std::unique_ptr<PreparedCall>> (*prepare)(const ir::Call& call, PrepareContext& context);
};

// A match type an extension implements itself (e.g. :regex): a matcher over
// the call's keys.
class KeyMatcherImpl {
 public:
  virtual ~KeyMatcherImpl() = default;
  // Whether `value` matches any key. When `capture` is true and the match
  // type captures, a successful match sets the match variables through ctx
  // (KeyMatcher passes false when the program never reads them and for
  // tests that must not set them, RFC 5173 §6).
  virtual bool Match(EvalContext& ctx, std::string_view value, bool capture) const = 0;
};

struct MatchTypeRuntime {
  Result<std::unique_ptr<KeyMatcherImpl>> (*prepare)(const ir::Call& call,
                                                     const std::vector<RuntimeString>& keys,
                                                     PrepareContext& context);
};

// Adjusts an action just before it is committed, from the tags of the
// command that took it (e.g. copy's :copy, imap4flags' :flags). Runs only in
// programs that require the decorator's extension.
struct ActionDecorator {
  void (*decorate)(EvalContext& ctx, const ir::Call& call, struct Action& action);
};

struct AddressPartRuntime {
  // The part of an address to compare, or false when the address has no
  // such part (it then matches nothing, RFC 5228 §2.4.2.3 and RFC 5233 §4).
  bool (*extract)(const EvalContext& ctx, const mail::Address& address, std::string_view* part);
};

}  // namespace sievekit::vm
