// The typed intermediate representation of a validated Sieve script.
//
// Produced by the validator from the syntax tree; consumed by the IR dump,
// the reference evaluator and the code generator. Every call (command or
// test) points at its CallSpec in the registry and holds its arguments
// already matched to the signature: positional values in order, tags with
// their parameters, and the shared comparator / match type / address part
// resolved (with RFC 5228 defaults filled in). Control flow — if/elsif/else
// chains, stop, not/anyof/allof, true/false — has nodes of its own.
//
// The IR keeps spans for runtime error messages but no trivia; the lossless
// syntax tree remains the source of truth for re-emitting text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/source_file.h"
#include "common/span.h"
#include "ir/registry.h"

namespace sievekit::ir {

struct StringValue {
  std::string text;  // decoded
  Span span;
};

struct Value {
  ArgType type = ArgType::kStringList;
  Span span;
  std::vector<StringValue> strings;  // one for kString, one or more for kStringList
  uint64_t number = 0;               // kNumber

  // The single string of a kString value.
  const std::string& str() const { return strings.front().text; }
};

struct TagArgument {
  const TagSpec* spec = nullptr;
  Span span;
  std::optional<Value> param;
};

struct Statement;

struct Call {
  const CallSpec* spec = nullptr;
  Span span;
  Span name_span;
  std::vector<Value> positional;
  std::vector<TagArgument> tags;  // in source order
  // Resolved shared arguments; null when the call does not accept the group.
  const ComparatorSpec* comparator = nullptr;
  const MatchTypeSpec* match_type = nullptr;
  std::string relational_op;  // "gt", "ge", ... for :count / :value
  const AddressPartSpec* address_part = nullptr;
  std::vector<Statement> block;  // for calls that take a block

  const TagArgument* FindTag(std::string_view name) const;
  bool HasTag(std::string_view name) const { return FindTag(name) != nullptr; }
};

struct Test {
  enum class Kind : uint8_t { kTrue, kFalse, kNot, kAnyOf, kAllOf, kCall };
  Kind kind = Kind::kTrue;
  Span span;
  std::vector<Test> children;  // kNot: one; kAnyOf/kAllOf: one or more
  Call call;                   // kCall
};

struct Branch {
  Test condition;
  std::vector<Statement> body;
  Span span;
};

struct Statement {
  enum class Kind : uint8_t { kIf, kStop, kCall };
  Kind kind = Kind::kCall;
  Span span;
  std::vector<Branch> branches;                   // kIf: the if and its elsifs
  std::optional<std::vector<Statement>> else_body;  // kIf
  Call call;                                      // kCall
};

struct Script {
  std::shared_ptr<const SourceFile> source;
  // In order of first require, then those a successful ihave made usable
  // (RFC 5463), in order of first use.
  std::vector<const ExtensionSpec*> required;
  std::vector<Statement> body;

  bool Requires(std::string_view extension) const;
};

}  // namespace sievekit::ir
