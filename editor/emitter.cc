// Emission of a rule model as Sieve.
#include "editor/emitter.h"

#include <algorithm>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "editor/condition_forms.h"
#include "editor/markers.h"
#include "editor/projection.h"
#include "editor/requirements.h"
#include "editor/script_split.h"
#include "editor/sieve_text.h"
#include "editor/statements.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "parser/parser.h"

namespace sievekit::editor {
namespace {

std::string_view StyleName(MarkerStyle style) {
  switch (style) {
    case MarkerStyle::kCanonical:
      return "canonical";
    case MarkerStyle::kRoundcube:
      return "Roundcube";
    case MarkerStyle::kSievelib:
      return "sievelib";
    case MarkerStyle::kOpenXchange:
      return "Open-Xchange";
    case MarkerStyle::kPlainComment:
      return "comment";
    case MarkerStyle::kSnappyMail:
      return "SnappyMail";
  }
  return "";
}

std::string DetectNewline(const RuleSet& model) {
  const auto first_line_end = [](std::string_view s) -> std::string {
    const size_t lf = s.find('\n');
    if (lf == std::string_view::npos) return "";
    return (lf > 0 && s[lf - 1] == '\r') ? "\r\n" : "\n";
  };
  if (std::string nl = first_line_end(model.layout.prologue); !nl.empty()) return nl;
  for (const Rule& r : model.rules) {
    if (std::string nl = first_line_end(r.original); !nl.empty()) return nl;
  }
  return "\n";
}

bool EndsAtLineStart(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) --i;
  return i == 0 || s[i - 1] == '\n';
}

bool HasAutoreply(const Rule& rule) {
  const GuiRule* gui = rule.gui();
  return gui && std::any_of(gui->actions.begin(), gui->actions.end(), [](const Action& a) {
           return a.type == ActionType::kAutoreply;
         });
}

bool HasMacros(std::string_view text) {
  for (std::string_view m : {"$from$", "$from-name$", "$subject$", "$text$", "$text["}) {
    if (text.find(m) != std::string_view::npos) return true;
  }
  return false;
}

std::string RequireLine(const NameSet& needs) {
  return "require " + SieveStringList(std::vector<std::string>(needs.begin(), needs.end())) + ";";
}

// The prologue with its require commands replaced by one canonical require.
std::string RebuildPrologue(const std::string& prologue, const NameSet& needs,
                            std::string_view nl) {
  auto source = std::make_shared<SourceFile>("prologue", prologue);
  syntax::ParseResult parsed = syntax::Parse(source);
  std::vector<const syntax::Command*> requires_;
  if (parsed.complete && !parsed.diagnostics.has_errors()) {
    for (const syntax::Command& c : parsed.tree.commands) {
      if (EqualsNoCase(c.name, "require")) requires_.push_back(&c);
    }
  }
  if (requires_.empty()) {
    if (needs.empty()) return prologue;
    std::string out = prologue;
    if (!out.empty() && out.back() != '\n') out += nl;
    return out + RequireLine(needs) + std::string(nl) + std::string(nl);
  }
  std::string out;
  uint32_t cursor = 0;
  for (size_t k = 0; k < requires_.size(); ++k) {
    const syntax::Command& r = *requires_[k];
    const uint32_t begin = parsed.tree.tokens[r.tokens.first].span.begin;
    const uint32_t token_end = parsed.tree.tokens[r.tokens.last].span.end;
    const uint32_t line_end = EndOfStatementLine(parsed.tree, r.tokens.last);
    uint32_t line_start = begin;
    while (line_start > cursor && (prologue[line_start - 1] == ' ' || prologue[line_start - 1] == '\t')) {
      --line_start;
    }
    if (k == 0 && !needs.empty()) {
      out += prologue.substr(cursor, begin - cursor);
      out += RequireLine(needs);
      cursor = token_end;
    } else {
      out += prologue.substr(cursor, line_start - cursor);
      cursor = line_end;
    }
  }
  out += prologue.substr(cursor);
  return out;
}

struct Written {
  std::string kept;  // bytes kept from before the rule (comments, blank lines)
  std::string text;  // marker, statement, line end
  bool fresh = false;         // a new rule: separate it from what precedes
  bool marker_first = false;  // text starts with a marker, which needs a line of its own
};

class Writer {
 public:
  Writer(const RuleSet& model, const ServerProfile& profile, const EmitOptions& options,
         ChunkContext context, std::string nl, EmitResult* out)
      : profile_(profile), options_(options), context_(std::move(context)),
        nl_(std::move(nl)), out_(out) {
    for (const Rule& r : model.rules) {
      if (r.kind() == RuleKind::kOutOfOffice && r.enabled) suspend_ = true;
    }
  }

  std::optional<Written> Write(const Rule& rule) {
    const bool suspended = suspend_ && rule.enabled && HasAutoreply(rule);
    if (suspended) {
      Lose(rule, "autoreply-suspended",
           "the Out of office rule is on, so this rule's autoreply is written suspended");
    }
    if (rule.original.empty()) return Fresh(rule, suspended);
    const ProjectedChunk pc = ProjectChunkText(rule.original, context_);
    const bool content_same = SameContent(pc.rule, rule);
    // The id a reader will give these bytes where they now stand.
    const bool id_same = Predict(pc.rule.id) == rule.id;
    const bool meta_same = id_same && pc.rule.name == rule.name && pc.rule.enabled == rule.enabled;
    const bool suspension_same = !HasAutoreply(rule) || pc.autoreply_suspended == suspended;
    bool contacts_same = true;
    if (const SpamRule* spam = rule.spam(); spam && spam->trust_contacts && options_.contacts) {
      contacts_same = pc.contacts == *options_.contacts;
    }
    if (content_same && meta_same && suspension_same && contacts_same) {
      used_ids_.insert(rule.id);
      return Written{"", rule.original, false, false};
    }
    used_ids_.insert(rule.id);
    if (!pc.parsed) {
      Lose(rule, "unparsed-rule",
           "the rule's Sieve does not parse, so its name and state do not survive reading it back");
    }
    Written w;
    w.kept = pc.leading_kept;
    w.marker_first = true;
    std::string statement;
    std::string contacts_marker;
    if (content_same && pc.rule.enabled == rule.enabled && suspension_same && contacts_same) {
      statement = pc.statement;  // only the marker changes
      if (rule.spam() && rule.spam()->trust_contacts) {
        contacts_marker = pc.contacts.empty() ? "pending" : "yes";
      }
    } else if (content_same && rule.kind() == RuleKind::kOpaque) {
      statement = rule.enabled ? pc.enabled_statement : WrapDisabled(pc.enabled_statement, nl_);
      if (pc.wrapper_comments && rule.enabled) {
        Lose(rule, "comment-dropped", "comments inside the disabled wrapper are not kept");
      }
    } else {
      std::optional<std::string> generated = Generate(rule, suspended, &contacts_marker);
      if (!generated) return std::nullopt;
      statement = std::move(*generated);
      if (pc.inner_comments && rule.kind() != RuleKind::kOpaque) {
        Lose(rule, "comment-dropped", "the rule is rewritten; comments inside it are not kept");
      }
      ReportForms(rule, pc);
    }
    if (pc.marker_style && *pc.marker_style != MarkerStyle::kCanonical) {
      Lose(rule, "marker-rewritten",
           fmt::format("its {} marker is replaced by the canonical one", StyleName(*pc.marker_style)));
    }
    w.text = WriteMarker(rule, contacts_marker) + nl_ + statement + pc.trailing;
    if (w.text.back() != '\n') w.text += nl_;
    return w;
  }

 private:
  void Lose(const Rule& rule, std::string code, std::string message) {
    out_->losses.push_back({rule.id, std::move(code), std::move(message)});
  }

  // Projection gives a repeated id the first free "-2", "-3", ... suffix.
  std::string Predict(const std::string& base) const {
    if (!used_ids_.contains(base)) return base;
    int n = 2;
    while (used_ids_.contains(fmt::format("{}-{}", base, n))) ++n;
    return fmt::format("{}-{}", base, n);
  }

  std::optional<Written> Fresh(const Rule& rule, bool suspended) {
    used_ids_.insert(rule.id);
    std::string contacts_marker;
    std::optional<std::string> statement = Generate(rule, suspended, &contacts_marker);
    if (!statement) return std::nullopt;
    return Written{"", WriteMarker(rule, contacts_marker) + nl_ + *statement + nl_, true, true};
  }

  std::optional<std::string> Generate(const Rule& rule, bool suspended,
                                      std::string* contacts_marker) {
    std::vector<Issue> issues = ValidateRule(rule, profile_);
    bool bad = false;
    for (Issue& i : issues) {
      if (i.severity != IssueSeverity::kError) continue;
      bad = true;
      out_->errors.push_back(std::move(i));
    }
    if (bad) return std::nullopt;
    StatementOptions options;
    options.newline = nl_;
    options.suspend_autoreply = suspended;
    options.contacts = options_.contacts;
    Result<std::string> statement = RuleStatement(rule, profile_, options, contacts_marker);
    if (!statement.ok()) {
      out_->errors.push_back({IssueSeverity::kError, rule.id, "unwritable", statement.error().message});
      return std::nullopt;
    }
    if (rule.spam() && rule.spam()->trust_contacts && *contacts_marker == "pending") {
      Lose(rule, "contacts-missing",
           "no contact list was supplied, so senders from Contacts are not trusted yet");
    }
    if (const GuiRule* gui = rule.gui(); gui && profile_.notify == NotifyStyle::kEnotify) {
      for (const Action& a : gui->actions) {
        if (a.type == ActionType::kNotify && HasMacros(a.text)) {
          Lose(rule, "notify-macros",
               "enotify does not expand the $from$-style macros; the notification text is "
               "sent as written");
        }
      }
    }
    return std::move(*statement);
  }

  // A condition read in one Sieve form and now written in another.
  void ReportForms(const Rule& rule, const ProjectedChunk& pc) {
    std::vector<Condition> before;
    std::vector<Condition> after;
    if (const GuiRule* g = pc.rule.gui()) before = g->conditions;
    if (const GuiRule* g = rule.gui()) after = g->conditions;
    if (pc.rule.spam() && rule.spam()) {
      before = after = {Condition{Field::kSpam, Operator::kIs, {}, false}};
    }
    for (size_t i = 0; i < after.size() && i < before.size() && i < pc.forms.size(); ++i) {
      if (before[i].field != after[i].field || pc.forms[i].empty()) continue;
      const std::string now = ConditionForm(after[i], profile_);
      if (now != pc.forms[i]) {
        Lose(rule, "condition-rewritten",
             fmt::format("condition {} was tested as {} and is now written as {}", i + 1,
                         pc.forms[i], now));
      }
    }
  }

  const ServerProfile& profile_;
  const EmitOptions& options_;
  ChunkContext context_;
  std::string nl_;
  EmitResult* out_;
  bool suspend_ = false;
  std::set<std::string> used_ids_;  // as a reader of the output will assign them
};

}  // namespace

const ServerProfile& ProfileFor(const RuleSet& model, const EmitOptions& options) {
  if (options.profile != nullptr) return *options.profile;
  if (const ServerProfile* p = FindProfile(model.profile)) return *p;
  return DefaultProfile();
}

EmitResult EmitScript(const RuleSet& model, const EmitOptions& options) {
  EmitResult out;
  const ServerProfile& profile = ProfileFor(model, options);
  const ir::Registry& registry =
      options.registry ? *options.registry : extensions::DefaultRegistry();
  ChunkContext context;
  context.profile = &profile;
  context.dialect = model.layout.dialect;
  {
    syntax::ParseResult prologue =
        syntax::Parse(std::make_shared<SourceFile>("prologue", model.layout.prologue));
    context.declared = DeclaredRequires(prologue.tree);
  }
  const NameSet declared = context.declared;
  const std::string nl = DetectNewline(model);
  Writer writer(model, profile, options, std::move(context), nl, &out);
  std::vector<Written> chunks;
  for (const Rule& rule : model.rules) {
    if (std::optional<Written> w = writer.Write(rule)) chunks.push_back(std::move(*w));
  }
  if (!out.errors.empty()) return out;

  NameSet needs;
  bool unknown = false;
  for (const Written& w : chunks) {
    const Needs n = NeedsOfText(w.kept + w.text, registry, declared);
    needs.insert(n.extensions.begin(), n.extensions.end());
    unknown = unknown || n.unknown;
  }
  const NameSet before(model.layout.needs.begin(), model.layout.needs.end());
  std::string script;
  if (model.layout.present && needs == before) {
    script = model.layout.prologue;
  } else {
    NameSet final_needs = needs;
    if (unknown) final_needs.insert(declared.begin(), declared.end());
    if (!model.layout.present) {
      if (!final_needs.empty()) script = RequireLine(final_needs) + nl;
    } else {
      script = RebuildPrologue(model.layout.prologue, final_needs, nl);
    }
    if (model.layout.present && final_needs != declared) {
      std::vector<std::string> added;
      std::vector<std::string> removed;
      std::set_difference(final_needs.begin(), final_needs.end(), declared.begin(), declared.end(),
                          std::back_inserter(added));
      std::set_difference(declared.begin(), declared.end(), final_needs.begin(), final_needs.end(),
                          std::back_inserter(removed));
      std::string message = "require is rebuilt from what the rules need";
      if (!added.empty()) message += fmt::format("; added {}", fmt::join(added, ", "));
      if (!removed.empty()) message += fmt::format("; removed {}", fmt::join(removed, ", "));
      out.losses.push_back({"", "require-rebuilt", message});
    }
  }
  for (const Written& w : chunks) {
    if (w.fresh) {
      if (!script.empty() && script.back() != '\n') script += nl;
      if (!script.empty() && !(script.size() >= 2 && script.ends_with("\n\n")) &&
          !script.ends_with("\n\r\n")) {
        script += nl;
      }
    }
    script += w.kept;
    if (w.marker_first && !EndsAtLineStart(script)) script += nl;
    script += w.text;
  }
  script += model.layout.epilogue;
  out.script = std::move(script);
  ir::FrontendResult checked =
      ir::RunFrontend(std::make_shared<SourceFile>("rules.sieve", out.script), registry);
  out.diagnostics = std::move(checked.diagnostics);
  return out;
}

Result<std::string> RuleSource(const Rule& rule, const ServerProfile& profile) {
  Rule enabled = rule;
  enabled.enabled = true;
  return RuleStatement(enabled, profile, StatementOptions{}, nullptr);
}

}  // namespace sievekit::editor
