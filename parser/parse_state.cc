// ParseState: node frames, token bookkeeping, rollback of failed commands,
// limits, and the wording of syntax errors.
#include "parser/parse_state.h"

#include <algorithm>

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
    : source_(source),
      text_begin_(source.text().data()),
      limits_(limits),
      diagnostics_(diagnostics) {
  // Scripts have a token (and a piece of trivia) every five bytes or so.
  // Room for them up front spares growing the two largest vectors of the
  // parse by doubling, which copies them over and over.
  const size_t estimate = std::min<size_t>(source.text().size(), limits.max_script_size) / 4 + 16;
  tokens_.reserve(estimate);
  trivia_.reserve(estimate);
}

void ParseState::CheckComment(Span span) {
  if (auto bad = utf8::FindInvalid(source_.Slice(span))) {
    const uint32_t at = span.begin + static_cast<uint32_t>(*bad);
    diagnostics_.Report(diag::kInvalidUtf8Comment, {at, at + 1});
  }
}

bool ParseState::NestingTooDeep(bool block, uint32_t limit) {
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
  open_commands_.push_back(CommandFrame{nullptr, nullptr, static_cast<uint32_t>(tokens_.size())});
  owners_.push_back(Owner::kCommand);
  test_list_reported_.push_back(false);
}

Command& ParseState::OpenCommand() { return *open_commands_.back().node; }

Test& ParseState::OpenTest() { return *open_tests_.back().node; }

void ParseState::EndCommand() {
  Command& command = OpenCommand();
  owners_.pop_back();
  test_list_reported_.pop_back();
  command_checkpoints_.pop_back();
  command.tokens.last = static_cast<uint32_t>(tokens_.size() - 1);
  command.span = SpanOf(command.tokens);
  open_commands_.pop_back();
}

void ParseState::AbandonCommand() {
  const Checkpoint checkpoint = command_checkpoints_.back();
  command_checkpoints_.pop_back();
  // Its node (if its name was read) is the last of its siblings.
  if (const CommandFrame& frame = open_commands_.back(); frame.node != nullptr) {
    frame.siblings->pop_back();
  }
  open_commands_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
  tokens_.resize(checkpoint.tokens);
  trivia_.resize(checkpoint.trivia);
  trivia_mark_ = checkpoint.trivia_mark;
}

void ParseState::BeginTest() {
  ++test_depth_;
  open_tests_.push_back(TestFrame{nullptr, nullptr, static_cast<uint32_t>(tokens_.size()), 0});
  owners_.push_back(Owner::kTest);
  test_list_reported_.push_back(false);
}

void ParseState::EndTest() {
  --test_depth_;
  const TestFrame frame = open_tests_.back();
  open_tests_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
  Test& test = *frame.node;
  test.tokens.last = static_cast<uint32_t>(tokens_.size() - 1);
  test.span = SpanOf(test.tokens);
  // The test was built in place, as the last of its siblings; one past the
  // list limit is dropped again (reported once per list).
  if (frame.index >= limits_.max_list_length) {
    if (!test_list_reported_.back()) {
      test_list_reported_.back() = true;
      diagnostics_.Report(diag::kListTooLong, test.span, limits_.max_list_length);
    }
    frame.siblings->pop_back();
  }
}

void ParseState::AbandonTest() {
  --test_depth_;
  if (const TestFrame& frame = open_tests_.back(); frame.node != nullptr) {
    frame.siblings->pop_back();
  }
  open_tests_.pop_back();
  owners_.pop_back();
  test_list_reported_.pop_back();
}

void ParseState::BeginBlock() {
  ++block_depth_;
  OpenCommand().block.emplace();
}

void ParseState::LeaveBlock() { --block_depth_; }

void ParseState::MarkTestList() {
  if (owners_.back() == Owner::kCommand) {
    OpenCommand().test_list = true;
  } else {
    OpenTest().test_list = true;
  }
}

// Like commands and tests, an argument is built in place, as the last of its
// call's arguments, once its first token is read (an attempt that finds no
// argument, at the end of every argument list, costs nothing). Arguments do
// not nest, so one frame is enough.
Argument& ParseState::OpenArgument() {
  if (open_argument_.node == nullptr) {
    std::vector<Argument>& arguments =
        owners_.back() == Owner::kCommand ? OpenCommand().arguments : OpenTest().arguments;
    // Calls take up to four arguments or so (`address :domain :is "from"
    // [...]`): room for them at once.
    if (arguments.empty()) arguments.reserve(4);
    open_argument_.node = &arguments.emplace_back();
    open_argument_.node->tokens.first = open_argument_.first_token;
  }
  return *open_argument_.node;
}

void ParseState::EndArgument() {
  Argument& argument = OpenArgument();
  argument.tokens.last = static_cast<uint32_t>(tokens_.size() - 1);
  argument.span = SpanOf(argument.tokens);
  open_argument_.node = nullptr;
}

void ParseState::AbandonArgument() {
  if (open_argument_.node != nullptr) {
    // The last of its call's arguments.
    std::vector<Argument>& arguments =
        owners_.back() == Owner::kCommand ? OpenCommand().arguments : OpenTest().arguments;
    arguments.pop_back();
    open_argument_.node = nullptr;
  }
}

// A command (or test) gets its node in the tree once its name is read: it
// is built in place there, never moved, and an attempt that finds no name
// (at every '}' and at the end of each argument list) costs no node.
void ParseState::SetCommandName(uint32_t token, std::string_view name) {
  CommandFrame& frame = open_commands_.back();
  // The enclosing command, if any, is open with its block: its commands do
  // not move while this one is open.
  frame.siblings = open_commands_.size() == 1
                       ? &top_level_
                       : &open_commands_[open_commands_.size() - 2].node->block->commands;
  // Blocks mostly hold a command or two: room for a few at once.
  if (frame.siblings->empty() && frame.siblings != &top_level_) frame.siblings->reserve(4);
  frame.node = &frame.siblings->emplace_back();
  frame.node->tokens.first = frame.first_token;
  frame.node->identifier_token = token;
  frame.node->name.assign(name);
}

void ParseState::SetTestName(uint32_t token, std::string_view name) {
  TestFrame& frame = open_tests_.back();
  const bool in_test = owners_[owners_.size() - 2] == Owner::kTest;
  frame.siblings =
      in_test ? &open_tests_[open_tests_.size() - 2].node->tests : &OpenCommand().tests;
  // anyof and allof list two tests or more.
  if (in_test && frame.siblings->empty()) frame.siblings->reserve(2);
  frame.index = frame.siblings->size();
  frame.node = &frame.siblings->emplace_back();
  frame.node->tokens.first = frame.first_token;
  frame.node->identifier_token = token;
  frame.node->name.assign(name);
}

void ParseState::SetBlockBrace(uint32_t token, bool open) {
  Block& block = *OpenCommand().block;
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
  Argument& argument = OpenArgument();
  argument.kind = Argument::Kind::kStringList;
  if (argument.strings.size() < limits_.max_list_length) {
    argument.strings.push_back(StringLiteral{token, span, std::move(value)});
  } else if (!argument_list_reported_) {
    argument_list_reported_ = true;
    diagnostics_.Report(diag::kListTooLong, span, limits_.max_list_length);
  }
}

void ParseState::MarkBracketed() {
  Argument& argument = OpenArgument();
  argument.kind = Argument::Kind::kStringList;
  argument.bracketed = true;
  argument.strings.reserve(4);  // a bracketed list usually holds a few strings
}

void ParseState::SetNumber(uint64_t value) {
  Argument& argument = OpenArgument();
  argument.kind = Argument::Kind::kNumber;
  argument.number = value;
}

void ParseState::SetTag(std::string_view tag) {
  Argument& argument = OpenArgument();
  argument.kind = Argument::Kind::kTag;
  argument.tag.assign(tag);
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
  if (!open_commands_.empty() && open_commands_.back().node != nullptr &&
      open_commands_.back().node->block) {
    d.Note("the block opened here", tokens_[open_commands_.back().node->block->open_token].span);
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
  // must not leak into the tree; the top level keeps what was complete. The
  // outermost open command, if it got a node, is the last at the top level.
  if (!open_commands_.empty() && open_commands_.front().node != nullptr) top_level_.pop_back();
  tree->tokens = std::move(tokens_);
  tree->trivia = std::move(trivia_);
  tree->commands = std::move(top_level_);
  const auto end = static_cast<uint32_t>(source_.text().size());
  if (tree->tokens.empty() || tree->tokens.back().kind != TokenKind::kEnd) {
    tree->tokens.push_back(Token{TokenKind::kEnd, {end, end}, trivia_mark_});
  }
}

}  // namespace sievekit::syntax
