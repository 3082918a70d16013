// ParseState: what the PEGTL actions and control hooks build while parsing —
// the token and trivia lists, the stack of open nodes, the depth counter, and
// the farthest failure seen (for "expected X, found Y" messages).
//
// Private to parser/: only parser.cc and parse_state.cc include it. It has no
// PEGTL dependency; the grammar glue calls these methods with byte offsets.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "common/limits.h"
#include "common/source_file.h"
#include "parser/syntax_tree.h"

namespace sievekit::syntax {

// What a failed token rule wanted to see; a bit set of these is collected at
// the farthest failure position.
enum class Expectation : uint16_t {
  kCommand = 1 << 0,
  kTest = 1 << 1,
  kString = 1 << 2,
  kLeftBracket = 1 << 3,
  kRightBracket = 1 << 4,
  kComma = 1 << 5,
  kLeftParen = 1 << 6,
  kRightParen = 1 << 7,
  kLeftBrace = 1 << 8,
  kRightBrace = 1 << 9,
  kSemicolon = 1 << 10,
  kNumber = 1 << 11,
  kTag = 1 << 12,
};

// Thrown to abandon the parse: after a fatal error, or at the error cap.
struct StopParsing {};

class ParseState {
 public:
  ParseState(const SourceFile& source, const Limits& limits, Diagnostics& diagnostics);

  const SourceFile& source() const { return source_; }
  // The first byte of the source text: token offsets are taken from it.
  const char* text_begin() const { return text_begin_; }
  const Limits& limits() const { return limits_; }
  Diagnostics& diagnostics() { return diagnostics_; }

  // Tokens and trivia, in source order. Inline, like the other calls made
  // for every token: a large script has a few hundred thousand.
  [[gnu::always_inline]] uint32_t PushToken(TokenKind kind, Span span) {
    tokens_.push_back(Token{kind, span, trivia_mark_});
    trivia_mark_ = static_cast<uint32_t>(trivia_.size());
    return static_cast<uint32_t>(tokens_.size() - 1);
  }
  [[gnu::always_inline]] void PushTrivia(TriviaKind kind, Span span) {
    trivia_.push_back(Trivia{kind, span});
    if (kind != TriviaKind::kWhitespace) CheckComment(span);
  }

  // Node frames. Begin* is called when a rule starts, End* when it succeeds,
  // Abandon* when it fails (a failed command also rolls back its tokens).
  void BeginCommand();
  void EndCommand();
  void AbandonCommand();
  void BeginTest();
  void EndTest();
  void AbandonTest();
  void BeginBlock();
  // False, with a diagnostic at the last token (one per broken command), when
  // the innermost block or test is nested deeper than its limit.
  bool NestingAllowed(bool block) {
    const uint32_t depth = block ? block_depth_ : test_depth_;
    const uint32_t limit = block ? limits_.max_block_depth : limits_.max_test_depth;
    return depth <= limit || NestingTooDeep(block, limit);
  }
  void LeaveBlock();
  void BeginArgument() {
    open_argument_ = ArgumentFrame{nullptr, static_cast<uint32_t>(tokens_.size())};
    argument_list_reported_ = false;
  }
  void EndArgument();
  void AbandonArgument();
  void MarkTestList();

  // Token payloads for the innermost open node.
  void SetCommandName(uint32_t token, std::string_view name);
  void SetTestName(uint32_t token, std::string_view name);
  void SetBlockBrace(uint32_t token, bool open);
  void AddString(uint32_t token, std::string value);
  void MarkBracketed();
  void SetNumber(uint64_t value);
  void SetTag(std::string_view tag);

  // Failure tracking for syntax error messages. Inline: every failed
  // alternative of the grammar calls it.
  void NoteExpected(Expectation what, uint32_t offset) {
    if (offset > farthest_ || (expected_ == 0 && offset >= farthest_)) {
      farthest_ = offset;
      expected_ = 0;
      token_end_before_farthest_ = tokens_.empty() ? 0 : tokens_.back().span.end;
    }
    if (offset == farthest_) expected_ |= static_cast<uint16_t>(what);
  }
  // Reports "expected ..., found ..." for the broken command that starts at
  // `offset`, then forgets the failures seen so far.
  void ReportSyntaxError(uint32_t offset);
  // Remembers where a string, multi-line string or comment began, for the
  // fatal "unterminated" diagnostics that only notice at the end of the input.
  void NoteLiteralStart(uint32_t offset) { literal_start_ = offset; }
  [[noreturn]] void FatalUnterminated(const DiagnosticKind& kind);
  [[noreturn]] void FatalMissingCloseBrace();
  // Throws StopParsing once the error cap is reached.
  void StopIfCapped();

  // Moves the collected tokens, trivia and commands into the tree.
  void Finish(SyntaxTree* tree);

 private:
  enum class Owner : uint8_t { kCommand, kTest };
  struct Checkpoint {
    uint32_t tokens;
    uint32_t trivia;
    uint32_t trivia_mark;
  };

  Span SpanOf(TokenRange range) const {
    return {tokens_[range.first].span.begin, tokens_[range.last].span.end};
  }
  // NestingAllowed past the limit: reports it (once per broken command) and
  // returns false.
  bool NestingTooDeep(bool block, uint32_t limit);
  // Reports a comment that is not valid UTF-8.
  void CheckComment(Span span);
  // The innermost open command or test; its name has been read.
  Command& OpenCommand();
  Test& OpenTest();

  // An open command or test: where its node is (null until its name is
  // read), in which vector of the tree, and its first token.
  struct CommandFrame {
    Command* node;
    std::vector<Command>* siblings;
    uint32_t first_token;
  };
  struct TestFrame {
    Test* node;
    std::vector<Test>* siblings;
    uint32_t first_token;
    size_t index;  // in siblings
  };
  // The open argument (of the innermost open command or test), made on
  // its first token.
  Argument& OpenArgument();
  struct ArgumentFrame {
    Argument* node;
    uint32_t first_token;
  };

  const SourceFile& source_;
  const char* text_begin_;
  const Limits& limits_;
  Diagnostics& diagnostics_;

  std::vector<Token> tokens_;
  std::vector<Trivia> trivia_;
  uint32_t trivia_mark_ = 0;  // first trivia piece not yet claimed by a token

  std::vector<Command> top_level_;
  std::vector<CommandFrame> open_commands_;
  std::vector<Checkpoint> command_checkpoints_;
  std::vector<TestFrame> open_tests_;
  ArgumentFrame open_argument_{nullptr, 0};
  std::vector<Owner> owners_;
  // Whether the open argument / the tests of each open owner already got a
  // list-too-long diagnostic (one per list is enough).
  bool argument_list_reported_ = false;
  std::vector<bool> test_list_reported_;
  uint32_t block_depth_ = 0;
  uint32_t test_depth_ = 0;
  // Set when a nesting error was reported for the command being parsed, so
  // that recovering from it does not add a second error.
  bool nesting_reported_ = false;

  uint32_t farthest_ = 0;
  uint16_t expected_ = 0;
  uint32_t token_end_before_farthest_ = 0;
  uint32_t literal_start_ = 0;
};

}  // namespace sievekit::syntax
