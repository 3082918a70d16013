// ParseState: node frames, token bookkeeping, rollback of failed commands,
// limits, and the wording of syntax errors.
#include "parser/parse_state.h"

#include <fmt/format.h>

#include "common/diagnostic_catalogue.h"
#include "common/utf8.h"

namespace sievekit::syntax {
namespace {

bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentifierChar(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }

bool CanStartToken(char c) {
  return IsIdentifierStart(c) || (c >= '0' && c <= '9') ||
         std::string_view("\":[](),{};#/").find(c) != std::string_view::npos;
}

// How the text at `offset` is named in "found ..." (the thing that was there
// instead of what the grammar wanted).
std::string DescribeAt(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return "end of file";
  const std::string_view rest = text.substr(offset);
  const char c = rest[0];
  if (IsIdentifierStart(c)) {
    size_t n = 1;
    while (n < rest.size() && n < 40 && IsIdentifierChar(rest[n])) ++n;
    if (n + 1 < rest.size() && rest[n] == ':' &&
        (rest.substr(0, n) == "text" || rest.substr(0, n) == "TEXT")) {
      return "multi-line string";
    }
    return fmt::format("'{}'", rest.substr(0, n));
  }
  if (c >= '0' && c <= '9') return "number";
  if (c == '"') return "string";
  if (c == ':' && rest.size() > 1 && IsIdentifierStart(rest[1])) {
    size_t n = 2;
    while (n < rest.size() && n < 40 && IsIdentifierChar(rest[n])) ++n;
    return fmt::format("tag '{}'", rest.substr(0, n));
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x21 && byte < 0x7F) return fmt::format("'{}'", c);
  size_t length = 0;
  if (auto cp = utf8::DecodeOne(rest, &length); cp && *cp >= 0x80) {
    return fmt::format("character '{}' (U+{:04X})", rest.substr(0, length),
                       static_cast<uint32_t>(*cp));
  }
  return fmt::format("byte 0x{:02X}", byte);
}

// The expectations worth naming: when a ';' (or a closing bracket) would
// have done, the optional arguments that could also have appeared are noise.
std::string DescribeExpected(uint16_t expected) {
  struct Name {
    Expectation what;
    std::string_view text;
  };
  static constexpr Name kNames[] = {
      {Expectation::kCommand, "a command"},
      {Expectation::kTest, "a test"},
      {Expectation::kString, "a string"},
      {Expectation::kLeftBracket, "'['"},
      {Expectation::kNumber, "a number"},
      {Expectation::kTag, "a tagged argument"},
      {Expectation::kLeftParen, "'('"},
      {Expectation::kComma, "','"},
      {Expectation::kRightBracket, "']'"},
      {Expectation::kRightParen, "')'"},
      {Expectation::kSemicolon, "';'"},
      {Expectation::kLeftBrace, "'{'"},
      {Expectation::kRightBrace, "'}'"},
  };
  auto has = [&](Expectation e) { return (expected & static_cast<uint16_t>(e)) != 0; };
  uint16_t shown = expected;
  if (has(Expectation::kSemicolon)) {
    shown = static_cast<uint16_t>(Expectation::kSemicolon);
  } else if (has(Expectation::kRightParen) || has(Expectation::kRightBracket)) {
    shown = expected & static_cast<uint16_t>(static_cast<uint16_t>(Expectation::kComma) |
                                             static_cast<uint16_t>(Expectation::kRightParen) |
                                             static_cast<uint16_t>(Expectation::kRightBracket));
  } else if (has(Expectation::kString) && has(Expectation::kLeftBracket)) {
    // Inside a string list only strings fit; elsewhere a lone '[' is implied.
    shown &= static_cast<uint16_t>(~static_cast<uint16_t>(Expectation::kLeftBracket));
  }
  std::vector<std::string_view> names;
  for (const Name& n : kNames) {
    if ((shown & static_cast<uint16_t>(n.what)) != 0) names.push_back(n.text);
  }
  if (names.empty()) return "a command";
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

ParseState::ParseState(const SourceFile& source, const Limits& limits, Diagnostics& diagnostics)
    : source_(source), limits_(limits), diagnostics_(diagnostics) {}

uint32_t ParseState::PushToken(TokenKind kind, Span span) {
  tokens_.push_back(Token{kind, span, trivia_mark_});
  trivia_mark_ = static_cast<uint32_t>(trivia_.size());
  return static_cast<uint32_t>(tokens_.size() - 1);
}

void ParseState::PushTrivia(TriviaKind kind, Span span) {
  trivia_.push_back(Trivia{kind, span});
  if (kind != TriviaKind::kWhitespace) {
    if (auto bad = utf8::FindInvalid(source_.Slice(span))) {
      const uint32_t at = span.begin + static_cast<uint32_t>(*bad);
      diagnostics_.Report(diag::kInvalidUtf8Comment, {at, at + 1});
    }
  }
}

Span ParseState::SpanOf(TokenRange range) const {
  return {tokens_[range.first].span.begin, tokens_[range.last].span.end};
}

bool ParseState::NestingAllowed(bool block) {
  const uint32_t depth = block ? block_depth_ : test_depth_;
  const uint32_t limit = block ? limits_.max_block_depth : limits_.max_test_depth;
  if (depth <= limit) return true;
  if (!nesting_reported_) {
    nesting_reported_ = true;
    diagnostics_.Report(block ? diag::kBlockNestingTooDeep : diag::kTestNestingTooDeep,
                        tokens_.back().span, limit);
  }
  return false;
}

void ParseState::BeginCommand() {
  command_checkpoints_.push_back(Checkpoint{static_cast<uint32_t>(tokens_.size()),
                                            static_cast<uint32_t>(trivia_.size()), trivia_mark_});
  open_commands_.emplace_back();
  open_commands_.back().tokens.first = static_cast<uint32_t>(tokens_.size());
  owners_.push_back(Owner::kCommand);
  test_list_reported_.push_back(false);
}

void ParseState::EndCommand() {
  Command command = std::move(open_commands_.back());
  open_commands_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
  command_checkpoints_.pop_back();
  command.tokens.last = static_cast<uint32_t>(tokens_.size() - 1);
  command.span = SpanOf(command.tokens);
  if (open_commands_.empty()) {
    top_level_.push_back(std::move(command));
  } else {
    open_commands_.back().block->commands.push_back(std::move(command));
  }
}

void ParseState::AbandonCommand() {
  const Checkpoint checkpoint = command_checkpoints_.back();
  command_checkpoints_.pop_back();
  open_commands_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
  tokens_.resize(checkpoint.tokens);
  trivia_.resize(checkpoint.trivia);
  trivia_mark_ = checkpoint.trivia_mark;
}

void ParseState::BeginTest() {
  ++test_depth_;
  open_tests_.emplace_back();
  open_tests_.back().tokens.first = static_cast<uint32_t>(tokens_.size());
  owners_.push_back(Owner::kTest);
  test_list_reported_.push_back(false);
}

void ParseState::EndTest() {
  --test_depth_;
  Test test = std::move(open_tests_.back());
  open_tests_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
  test.tokens.last = static_cast<uint32_t>(tokens_.size() - 1);
  test.span = SpanOf(test.tokens);
  std::vector<Test>& siblings =
      owners_.back() == Owner::kCommand ? open_commands_.back().tests : open_tests_.back().tests;
  if (siblings.size() < limits_.max_list_length) {
    siblings.push_back(std::move(test));
  } else if (!test_list_reported_.back()) {
    test_list_reported_.back() = true;
    diagnostics_.Report(diag::kListTooLong, test.span, limits_.max_list_length);
  }
}

void ParseState::AbandonTest() {
  --test_depth_;
  open_tests_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
}

void ParseState::BeginBlock() {
  ++block_depth_;
  open_commands_.back().block.emplace();
}

void ParseState::LeaveBlock() { --block_depth_; }

void ParseState::MarkTestList() {
  if (owners_.back() == Owner::kCommand) {
    open_commands_.back().test_list = true;
  } else {
    open_tests_.back().test_list = true;
  }
}

void ParseState::BeginArgument() {
  open_arguments_.emplace_back();
  open_arguments_.back().tokens.first = static_cast<uint32_t>(tokens_.size());
  argument_list_reported_ = false;
}

void ParseState::EndArgument() {
  Argument argument = std::move(open_arguments_.back());
  open_arguments_.pop_back();
  argument.tokens.last = static_cast<uint32_t>(tokens_.size() - 1);
  argument.span = SpanOf(argument.tokens);
  if (owners_.back() == Owner::kCommand) {
    open_commands_.back().arguments.push_back(std::move(argument));
  } else {
    open_tests_.back().arguments.push_back(std::move(argument));
  }
}

void ParseState::AbandonArgument() { open_arguments_.pop_back(); }

void ParseState::SetCommandName(uint32_t token, std::string_view name) {
  open_commands_.back().identifier_token = token;
  open_commands_.back().name = std::string(name);
}

void ParseState::SetTestName(uint32_t token, std::string_view name) {
  open_tests_.back().identifier_token = token;
  open_tests_.back().name = std::string(name);
}

void ParseState::SetBlockBrace(uint32_t token, bool open) {
  Block& block = *open_commands_.back().block;
  (open ? block.open_token : block.close_token) = token;
}

void ParseState::AddString(uint32_t token, std::string value) {
  const Span span = tokens_[token].span;
  if (auto bad = utf8::FindInvalid(value)) {
    diagnostics_.Report(diag::kInvalidUtf8, span, "the string");
  }
  if (value.size() > limits_.max_string_length) {
    diagnostics_.Report(diag::kStringTooLong, span, value.size(), limits_.max_string_length);
    value.clear();
  }
  Argument& argument = open_arguments_.back();
  argument.kind = Argument::Kind::kStringList;
  if (argument.strings.size() < limits_.max_list_length) {
    argument.strings.push_back(StringLiteral{token, span, std::move(value)});
  } else if (!argument_list_reported_) {
    argument_list_reported_ = true;
    diagnostics_.Report(diag::kListTooLong, span, limits_.max_list_length);
  }
}

void ParseState::MarkBracketed() {
  open_arguments_.back().kind = Argument::Kind::kStringList;
  open_arguments_.back().bracketed = true;
}

void ParseState::SetNumber(uint64_t value) {
  open_arguments_.back().kind = Argument::Kind::kNumber;
  open_arguments_.back().number = value;
}

void ParseState::SetTag(std::string_view tag) {
  open_arguments_.back().kind = Argument::Kind::kTag;
  open_arguments_.back().tag = std::string(tag);
}

void ParseState::NoteExpected(Expectation what, uint32_t offset) {
  if (offset > farthest_ || (expected_ == 0 && offset >= farthest_)) {
    farthest_ = offset;
    expected_ = 0;
    token_end_before_farthest_ = tokens_.empty() ? 0 : tokens_.back().span.end;
  }
  if (offset == farthest_) expected_ |= static_cast<uint16_t>(what);
}

void ParseState::ReportSyntaxError(uint32_t offset) {
  if (nesting_reported_) {
    nesting_reported_ = false;
    expected_ = 0;
    return;
  }
  const std::string_view text = source_.text();
  uint32_t at = offset;
  uint16_t expected = static_cast<uint16_t>(Expectation::kCommand);
  if (expected_ != 0 && farthest_ >= offset) {
    at = farthest_;
    expected = expected_;
  }
  const std::string wanted = DescribeExpected(expected);
  const std::string found = DescribeAt(text, at);
  Span span{at, at + 1};
  if (at >= text.size()) span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size())};
  // A ';' forgotten at the end of a line is best shown right after the token
  // it should follow, not at the start of the next line.
  if ((expected & static_cast<uint16_t>(Expectation::kSemicolon)) != 0 &&
      token_end_before_farthest_ >= offset && token_end_before_farthest_ < at &&
      (at >= text.size() ||
       text.substr(token_end_before_farthest_, at - token_end_before_farthest_).find('\n') !=
           std::string_view::npos)) {
    span = {token_end_before_farthest_, token_end_before_farthest_};
  }
  // A character no token can start with is a lexical error of its own
  // (RFC 5228 §8.1), reported before the grammar's complaint about it.
  if (at < text.size() && !CanStartToken(text[at])) {
    const std::string character = found.front() == '\'' ? "character " + found : found;
    diagnostics_.Report(diag::kUnexpectedCharacter, {at, at + 1}, character);
  }
  diagnostics_.Report(diag::kExpected, span, wanted, found);
  expected_ = 0;
  StopIfCapped();
}

void ParseState::FatalUnterminated(const DiagnosticKind& kind) {
  diagnostics_.Report(kind, {literal_start_, literal_start_ + 1});
  throw StopParsing{};
}

void ParseState::FatalMissingCloseBrace() {
  const auto end = static_cast<uint32_t>(source_.text().size());
  Diagnostic& d = diagnostics_.Report(diag::kMissingCloseBrace, {end, end});
  if (!open_commands_.empty() && open_commands_.back().block) {
    d.Note("the block opened here", tokens_[open_commands_.back().block->open_token].span);
  }
  throw StopParsing{};
}

void ParseState::StopIfCapped() {
  if (diagnostics_.AtErrorCap()) {
    diagnostics_.MarkTruncated();
    throw StopParsing{};
  }
}

void ParseState::Finish(SyntaxTree* tree) {
  // After an abandoned parse, commands still open hold partial content that
  // must not leak into the tree; the top level keeps what was complete.
  tree->tokens = std::move(tokens_);
  tree->trivia = std::move(trivia_);
  tree->commands = std::move(top_level_);
  const auto end = static_cast<uint32_t>(source_.text().size());
  if (tree->tokens.empty() || tree->tokens.back().kind != TokenKind::kEnd) {
    tree->tokens.push_back(Token{TokenKind::kEnd, {end, end}, trivia_mark_});
  }
}

}  // namespace sievekit::syntax
