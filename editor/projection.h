// Projection: a Sieve script → a RuleSet, without losing a byte.
//
// The script is cut into prologue, rule chunks and epilogue
// (script_split.h). Each chunk becomes one rule:
//   * its marker comment (markers.h; in Horde Ingo and Nextcloud Mail
//     scripts the plain `# name` comment before the rule) gives name and id;
//     a rule without an id gets one from a hash of its statement, so the id
//     survives moves and re-reads;
//   * a disabled form (`if false # TEST` + block, or `if false { ... }`) is
//     unwrapped and the rule marked disabled;
//   * the statement is read as a GUI rule (condition_forms.h,
//     action_forms.h), as the Spam or Out of office rule when its marker
//     says so (statements.h), and otherwise kept as an opaque rule with its
//     exact source and a Loss saying why the dialog cannot show it;
//   * the chunk's bytes are kept in Rule::original.
// A script that does not parse becomes one opaque rule holding all of it.
//
// The same functions read one chunk on its own (ProjectChunkText), which
// is how the emitter tells an untouched rule from an edited one.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "common/source_file.h"
#include "editor/markers.h"
#include "editor/profile.h"
#include "editor/requirements.h"
#include "editor/rule_model.h"
#include "editor/script_split.h"
#include "ir/registry.h"
#include "parser/syntax_tree.h"

namespace sievekit::editor {

struct ProjectOptions {
  const ServerProfile* profile = nullptr;  // default: DefaultProfile()
  const ir::Registry* registry = nullptr;  // default: extensions::DefaultRegistry()
};

struct ProjectResult {
  RuleSet model;
  // Syntax errors (the script is then one opaque rule) and the validator's
  // verdict on the script as it stands.
  Diagnostics diagnostics;
  std::shared_ptr<const SourceFile> source;
};

ProjectResult ProjectScript(std::string_view text, const ProjectOptions& options = {});

// What the script around a chunk contributes to reading it.
struct ChunkContext {
  const ServerProfile* profile = nullptr;
  NameSet declared;     // the script's require list
  std::string dialect;  // ScriptLayout::dialect
};

// A chunk read as a rule, with what the emitter needs to rewrite it.
struct ProjectedChunk {
  Rule rule;  // rule.original is the chunk's text
  std::vector<Loss> losses;
  bool id_from_marker = false;
  std::optional<MarkerStyle> marker_style;
  std::string statement;          // the statement bytes as written
  std::string enabled_statement;  // the statement without its disabled form
  std::string leading_kept;       // the bytes before the statement, markers removed
  std::string trailing;           // the rest of the statement's last line
  std::vector<std::string> forms;       // GUI rule: per condition (condition_forms.h)
  bool inner_comments = false;          // comments inside the statement
  bool wrapper_comments = false;        // comments only the disabled wrapper held
  bool autoreply_suspended = false;     // an autoreply was in its suspended form
  bool parsed = true;                   // false: the text has syntax errors
  std::vector<std::string> contacts;    // Spam rule: the contacts written in it
};

// Reads one chunk of `tree`.
ProjectedChunk ProjectChunk(const syntax::SyntaxTree& tree, const Chunk& chunk,
                            const ChunkContext& context);
// Reads a chunk's text on its own (it must hold whole statements).
ProjectedChunk ProjectChunkText(std::string_view text, const ChunkContext& context);

// The id a rule without one in its marker gets: "h" and eight hex digits of
// a hash of its statement.
std::string AutoId(std::string_view statement);

// Reads a rule's source as the dialog's "edit source" returns it: the
// statement(s) of one rule, without markers. An Error when it does not parse
// or holds a `require`.
Result<ProjectedChunk> ProjectRuleSource(std::string_view source, const ChunkContext& context);

}  // namespace sievekit::editor
