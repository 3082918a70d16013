// S-expression dump of the syntax tree (see tree_dump.h).
#include "parser/tree_dump.h"

#include <fmt/format.h>

namespace sievekit::syntax {
namespace {

void AppendQuoted(std::string_view s, std::string* out) {
  *out += '"';
  for (char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          *out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

std::string Name(std::string_view name, const DumpOptions& options) {
  std::string out(name);
  if (options.lower_case_names) {
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

void AppendArguments(const std::vector<Argument>& arguments, const std::vector<Test>& tests,
                     bool test_list, const DumpOptions& options, std::string* out);

void AppendTest(const Test& test, const DumpOptions& options, std::string* out) {
  *out += '(';
  *out += Name(test.name, options);
  AppendArguments(test.arguments, test.tests, test.test_list, options, out);
  *out += ')';
}

void AppendArguments(const std::vector<Argument>& arguments, const std::vector<Test>& tests,
                     bool test_list, const DumpOptions& options, std::string* out) {
  for (const Argument& a : arguments) {
    *out += ' ';
    switch (a.kind) {
      case Argument::Kind::kTag: *out += ':' + Name(a.tag, options); break;
      case Argument::Kind::kNumber: *out += std::to_string(a.number); break;
      case Argument::Kind::kStringList:
        if (a.bracketed) *out += '[';
        for (size_t i = 0; i < a.strings.size(); ++i) {
          if (i > 0) *out += ',';
          AppendQuoted(a.strings[i].value, out);
        }
        if (a.bracketed) *out += ']';
        break;
    }
  }
  if (test_list) {
    *out += " (";
    for (size_t i = 0; i < tests.size(); ++i) {
      if (i > 0) *out += ' ';
      AppendTest(tests[i], options, out);
    }
    *out += ')';
  } else {
    for (const Test& t : tests) {
      *out += ' ';
      AppendTest(t, options, out);
    }
  }
}

}  // namespace

std::string DumpCommand(const Command& command, const DumpOptions& options) {
  std::string out = "(" + Name(command.name, options);
  AppendArguments(command.arguments, command.tests, command.test_list, options, &out);
  if (command.block) {
    out += " {";
    for (size_t i = 0; i < command.block->commands.size(); ++i) {
      if (i > 0) out += ' ';
      out += DumpCommand(command.block->commands[i], options);
    }
    out += '}';
  }
  out += ')';
  return out;
}

std::string DumpTree(const SyntaxTree& tree, const DumpOptions& options) {
  std::string out;
  for (const Command& c : tree.commands) {
    out += DumpCommand(c, options);
    out += '\n';
  }
  return out;
}

}  // namespace sievekit::syntax
