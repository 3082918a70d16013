// S-expression dump of the IR (see ir_dump.h).
#include "ir/ir_dump.h"

#include <fmt/format.h>

namespace sievekit::ir {
namespace {

void AppendQuoted(std::string_view s, std::string* out) {
  *out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c == '\r') {
      *out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      *out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      *out += c;
    }
  }
  *out += '"';
}

void AppendValue(const Value& v, std::string* out) {
  if (v.type == ArgType::kNumber) {
    *out += std::to_string(v.number);
    return;
  }
  if (v.type == ArgType::kStringList) *out += '[';
  for (size_t i = 0; i < v.strings.size(); ++i) {
    if (i > 0) *out += ',';
    AppendQuoted(v.strings[i].text, out);
  }
  if (v.type == ArgType::kStringList) *out += ']';
}

void AppendStatements(const std::vector<Statement>& body, std::string* out);

void AppendCall(const Call& call, std::string* out) {
  *out += '(';
  *out += call.spec->name;
  for (const TagArgument& tag : call.tags) {
    const std::string& g = tag.spec->group;
    if (g == kComparatorGroup || g == kMatchTypeGroup || g == kAddressPartGroup) continue;
    *out += " :" + tag.spec->name;
    if (tag.param) {
      *out += ' ';
      AppendValue(*tag.param, out);
    }
  }
  if (call.comparator != nullptr) {
    *out += " :comparator ";
    AppendQuoted(call.comparator->name, out);
  }
  if (call.address_part != nullptr) *out += " :" + call.address_part->tag->name;
  if (call.match_type != nullptr) {
    *out += " :" + call.match_type->tag->name;
    if (call.match_type->relational) {
      *out += ' ';
      AppendQuoted(call.relational_op, out);
    }
  }
  for (const Value& v : call.positional) {
    *out += ' ';
    AppendValue(v, out);
  }
  if (!call.block.empty() || (call.spec->takes_block)) {
    *out += " {";
    AppendStatements(call.block, out);
    *out += '}';
  }
  *out += ')';
}

void AppendTest(const Test& test, std::string* out) {
  switch (test.kind) {
    case Test::Kind::kTrue: *out += "(true)"; return;
    case Test::Kind::kFalse: *out += "(false)"; return;
    case Test::Kind::kCall: AppendCall(test.call, out); return;
    case Test::Kind::kNot: *out += "(not"; break;
    case Test::Kind::kAnyOf: *out += "(anyof"; break;
    case Test::Kind::kAllOf: *out += "(allof"; break;
  }
  for (const Test& child : test.children) {
    *out += ' ';
    AppendTest(child, out);
  }
  *out += ')';
}

void AppendStatement(const Statement& s, std::string* out) {
  switch (s.kind) {
    case Statement::Kind::kStop: *out += "(stop)"; return;
    case Statement::Kind::kCall: AppendCall(s.call, out); return;
    case Statement::Kind::kIf:
      for (size_t i = 0; i < s.branches.size(); ++i) {
        *out += i == 0 ? "(if " : " elsif ";
        AppendTest(s.branches[i].condition, out);
        *out += " {";
        AppendStatements(s.branches[i].body, out);
        *out += '}';
      }
      if (s.else_body) {
        *out += " else {";
        AppendStatements(*s.else_body, out);
        *out += '}';
      }
      *out += ')';
      return;
  }
}

void AppendStatements(const std::vector<Statement>& body, std::string* out) {
  for (size_t i = 0; i < body.size(); ++i) {
    if (i > 0) *out += ' ';
    AppendStatement(body[i], out);
  }
}

}  // namespace

std::string DumpIr(const Script& script) {
  std::string out;
  if (!script.required.empty()) {
    out += "require [";
    for (size_t i = 0; i < script.required.size(); ++i) {
      if (i > 0) out += ',';
      AppendQuoted(script.required[i]->name, &out);
    }
    out += "]\n";
  }
  for (const Statement& s : script.body) {
    AppendStatement(s, &out);
    out += '\n';
  }
  return out;
}

}  // namespace sievekit::ir
