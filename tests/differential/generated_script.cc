// The generated script tree: rendering to Sieve text and shrinking; see
// generated_script.h.
#include "tests/differential/generated_script.h"

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace sievekit::differential {
namespace {

using Test = GeneratedTest;
using Statement = GeneratedStatement;
using Block = std::vector<GeneratedStatement>;

// ---- Rendering ----------------------------------------------------------------

uint32_t TestRequirements(const Test& t) {
  uint32_t r = t.requirements;
  for (const Test& c : t.children) r |= TestRequirements(c);
  return r;
}

uint32_t BlockRequirements(const Block& block) {
  uint32_t r = 0;
  for (const Statement& s : block) {
    r |= s.requirements;
    for (const Test& t : s.conditions) r |= TestRequirements(t);
    for (const Block& b : s.blocks) r |= BlockRequirements(b);
    if (s.else_block) r |= BlockRequirements(*s.else_block);
  }
  return r;
}

std::string RenderTest(const Test& t) {
  switch (t.kind) {
    case Test::Kind::kTrue:
      return "true";
    case Test::Kind::kFalse:
      return "false";
    case Test::Kind::kNot:
      return "not " + RenderTest(t.children.at(0));
    case Test::Kind::kAnyOf:
    case Test::Kind::kAllOf: {
      std::string out = t.kind == Test::Kind::kAnyOf ? "anyof (" : "allof (";
      for (size_t i = 0; i < t.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += RenderTest(t.children[i]);
      }
      return out + ")";
    }
    case Test::Kind::kAtom:
      return t.atom;
  }
  return "false";
}

void RenderBlock(const Block& block, size_t indent, std::string* out) {
  const std::string pad(indent * 2, ' ');
  for (const Statement& s : block) {
    switch (s.kind) {
      case Statement::Kind::kStop:
        *out += pad + "stop;\n";
        break;
      case Statement::Kind::kAction:
        *out += pad + s.action + ";\n";
        break;
      case Statement::Kind::kIf:
        for (size_t i = 0; i < s.conditions.size(); ++i) {
          *out += (i == 0 ? pad + "if " : pad + "} elsif ") + RenderTest(s.conditions[i]) + " {\n";
          RenderBlock(s.blocks[i], indent + 1, out);
        }
        if (s.else_block) {
          *out += pad + "} else {\n";
          RenderBlock(*s.else_block, indent + 1, out);
        }
        *out += pad + "}\n";
        break;
    }
  }
}

// ---- Shrinking ------------------------------------------------------------------

std::vector<Test> SimplerTests(const Test& t) {
  std::vector<Test> out;
  if (t.kind == Test::Kind::kAtom) {
    out.push_back(Test{Test::Kind::kTrue, {}, {}, 0});
    out.push_back(Test{Test::Kind::kFalse, {}, {}, 0});
    return out;
  }
  for (size_t i = 0; i < t.children.size(); ++i) {
    out.push_back(t.children[i]);  // the child alone
    if (t.children.size() > 1) {
      Test fewer = t;
      fewer.children.erase(fewer.children.begin() + static_cast<std::ptrdiff_t>(i));
      out.push_back(std::move(fewer));
    }
    for (Test& simpler_child : SimplerTests(t.children[i])) {
      Test copy = t;
      copy.children[i] = std::move(simpler_child);
      out.push_back(std::move(copy));
    }
  }
  return out;
}

std::vector<Block> SimplerBlocks(const Block& block);

// Replacements of one statement, each a list of statements to put in its
// place.
std::vector<Block> SimplerStatements(const Statement& s) {
  std::vector<Block> out;
  if (s.kind != Statement::Kind::kIf) return out;
  for (size_t i = 0; i < s.conditions.size(); ++i) {
    out.push_back(s.blocks[i]);  // the block without its condition
    if (s.conditions.size() > 1) {
      Statement fewer = s;
      fewer.conditions.erase(fewer.conditions.begin() + static_cast<std::ptrdiff_t>(i));
      fewer.blocks.erase(fewer.blocks.begin() + static_cast<std::ptrdiff_t>(i));
      out.push_back({std::move(fewer)});
    }
    for (Test& t : SimplerTests(s.conditions[i])) {
      Statement copy = s;
      copy.conditions[i] = std::move(t);
      out.push_back({std::move(copy)});
    }
    for (Block& b : SimplerBlocks(s.blocks[i])) {
      Statement copy = s;
      copy.blocks[i] = std::move(b);
      out.push_back({std::move(copy)});
    }
  }
  if (s.else_block) {
    out.push_back(*s.else_block);
    Statement without_else = s;
    without_else.else_block.reset();
    out.push_back({std::move(without_else)});
    for (Block& b : SimplerBlocks(*s.else_block)) {
      Statement copy = s;
      copy.else_block = std::move(b);
      out.push_back({std::move(copy)});
    }
  }
  return out;
}

std::vector<Block> SimplerBlocks(const Block& block) {
  std::vector<Block> out;
  for (size_t i = 0; i < block.size(); ++i) {
    Block without = block;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    out.push_back(std::move(without));
    for (Block& replacement : SimplerStatements(block[i])) {
      Block copy(block.begin(), block.begin() + static_cast<std::ptrdiff_t>(i));
      copy.insert(copy.end(), replacement.begin(), replacement.end());
      copy.insert(copy.end(), block.begin() + static_cast<std::ptrdiff_t>(i) + 1, block.end());
      out.push_back(std::move(copy));
    }
  }
  return out;
}

}  // namespace

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string GeneratedScript::Render() const {
  static constexpr std::array<std::pair<uint32_t, std::string_view>, 6> kExtensions = {{
      {kNeedsFileinto, "fileinto"},
      {kNeedsEnvelope, "envelope"},
      {kNeedsCopy, "copy"},
      {kNeedsRelational, "relational"},
      {kNeedsSubaddress, "subaddress"},
      {kNeedsAsciiNumeric, "comparator-i;ascii-numeric"},
  }};
  const uint32_t needs = BlockRequirements(body);
  std::string require;
  for (const auto& [bit, name] : kExtensions) {
    if ((needs & bit) == 0) continue;
    require += require.empty() ? "require [" : ", ";
    require += Quote(name);
  }
  std::string out = require.empty() ? "" : require + "];\n";
  RenderBlock(body, 0, &out);
  return out;
}

std::vector<GeneratedScript> SimplerScripts(const GeneratedScript& script) {
  std::vector<GeneratedScript> out;
  for (Block& b : SimplerBlocks(script.body)) out.push_back(GeneratedScript{std::move(b)});
  return out;
}

}  // namespace sievekit::differential
