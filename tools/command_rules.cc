// `sievec rules parse|emit|describe|check`: the rule-editor backend on the
// command line.
//
//   parse SCRIPT [--profile P]             the rule model as JSON on stdout
//   emit MODEL.json [--profile P] [--contacts FILE]
//                                          Sieve on stdout ("-" reads stdin)
//   describe SCRIPT [--profile P] [--locale L]
//                                          one description line per rule
//   check MODEL.json [--profile P]         validation messages; exit 1 when invalid
//
// `sievec rules parse X | sievec rules emit -` gives X back byte for byte.
// What a conversion loses or changes goes to stderr as notes (and, for
// parse, into the JSON's "losses"). Exit status: 0 success, 1 invalid input
// (a script with errors, an invalid model, an emitted script that does not
// validate: the output is still printed), 2 usage or I/O error.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "common/diagnostic_render.h"
#include "editor/describe.h"
#include "editor/emitter.h"
#include "editor/model_json.h"
#include "editor/profile.h"
#include "editor/projection.h"
#include "editor/validation.h"
#include "tools/script_input.h"
#include "tools/subcommand.h"

namespace sievekit::tools {
namespace {

constexpr std::string_view kUsage =
    "usage: sievec rules parse SCRIPT [--profile P]\n"
    "       sievec rules emit MODEL.json [--profile P] [--contacts FILE]\n"
    "       sievec rules describe SCRIPT [--profile P] [--locale L]\n"
    "       sievec rules check MODEL.json [--profile P]\n"
    "('-' reads standard input)\n";

struct Options {
  std::string file;
  const editor::ServerProfile* profile = nullptr;
  std::string locale = "en";
  std::string contacts_file;
};

// Parses the arguments after the action; prints the problem and returns
// false on a usage error.
bool ParseOptions(std::string_view action, Args args, bool takes_locale, bool takes_contacts,
                  Options* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const auto value = [&](std::string_view flag) -> const std::string* {
      if (i + 1 >= args.size()) {
        std::cerr << fmt::format("sievec rules {}: {} needs a value\n", action, flag);
        return nullptr;
      }
      return &args[++i];
    };
    if (arg == "--profile") {
      const std::string* name = value(arg);
      if (!name) return false;
      out->profile = editor::FindProfile(*name);
      if (!out->profile) {
        std::cerr << fmt::format("sievec rules {}: unknown profile '{}' (profiles: {})\n", action,
                                 *name, editor::ProfileNames());
        return false;
      }
    } else if (arg == "--locale" && takes_locale) {
      const std::string* locale = value(arg);
      if (!locale) return false;
      out->locale = *locale;
    } else if (arg == "--contacts" && takes_contacts) {
      const std::string* file = value(arg);
      if (!file) return false;
      out->contacts_file = *file;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << fmt::format("sievec rules {}: unknown option '{}'\n", action, arg);
      return false;
    } else if (out->file.empty()) {
      out->file = arg;
    } else {
      std::cerr << fmt::format("sievec rules {}: one file only\n", action);
      return false;
    }
  }
  if (out->file.empty()) {
    std::cerr << kUsage;
    return false;
  }
  return true;
}

void PrintLosses(std::string_view action, const std::vector<editor::Loss>& losses) {
  for (const editor::Loss& l : losses) {
    std::cerr << fmt::format("sievec rules {}: note: {}{}{} [{}]\n", action,
                             l.rule_id.empty() ? "" : "rule ", l.rule_id,
                             l.rule_id.empty() ? l.message : ": " + l.message, l.code);
  }
}

bool HasErrors(const Diagnostics& d) { return d.has_errors(); }

// A script file read and projected onto the rule model with the chosen
// profile; the source stays for rendering diagnostics against it.
struct ProjectedScript {
  std::shared_ptr<const SourceFile> source;
  editor::ProjectResult projection;
};

// Reads and projects o.file; prints the problem and returns nothing when the
// file cannot be read.
std::optional<ProjectedScript> ReadAndProject(const Options& o) {
  auto source = ReadScript(o.file);
  if (!source.ok()) {
    std::cerr << "sievec: " << source.error().message << "\n";
    return std::nullopt;
  }
  editor::ProjectOptions options;
  options.profile = o.profile;
  editor::ProjectResult projection = editor::ProjectScript((*source)->text(), options);
  return ProjectedScript{std::move(*source), std::move(projection)};
}

int Parse(Args args) {
  Options o;
  if (!ParseOptions("parse", args, false, false, &o)) return kExitUsage;
  const std::optional<ProjectedScript> script = ReadAndProject(o);
  if (!script) return kExitUsage;
  const editor::ProjectResult& r = script->projection;
  std::cout << editor::ModelToJson(r.model);
  PrintLosses("parse", r.model.losses);
  if (!r.diagnostics.all().empty()) {
    std::cerr << RenderText(*script->source, r.diagnostics, TextRenderOptions{false});
  }
  return HasErrors(r.diagnostics) ? kExitInvalid : kExitOk;
}

// Reads and parses a model file; prints the problem and returns false.
bool ReadModel(const std::string& path, editor::RuleSet* model, int* status) {
  auto file = ReadScript(path);
  if (!file.ok()) {
    std::cerr << "sievec: " << file.error().message << "\n";
    *status = kExitUsage;
    return false;
  }
  Result<editor::RuleSet> parsed = editor::ModelFromJson((*file)->text());
  if (!parsed.ok()) {
    std::cerr << fmt::format("{}: {}\n", (*file)->name(), parsed.error().message);
    *status = kExitInvalid;
    return false;
  }
  *model = std::move(*parsed);
  return true;
}

void PrintIssues(std::string_view file, const std::vector<editor::Issue>& issues) {
  for (const editor::Issue& i : issues) {
    std::cerr << fmt::format("{}: {}{}: {}: {} [{}]\n", file, i.rule_id.empty() ? "model" : "rule ",
                             i.rule_id,
                             i.severity == editor::IssueSeverity::kError ? "error" : "warning",
                             i.message, i.code);
  }
}

int Emit(Args args) {
  Options o;
  if (!ParseOptions("emit", args, false, true, &o)) return kExitUsage;
  editor::RuleSet model;
  int status = kExitOk;
  if (!ReadModel(o.file, &model, &status)) return status;
  std::vector<std::string> contacts;
  editor::EmitOptions options;
  options.profile = o.profile;
  if (!o.contacts_file.empty()) {
    auto file = ReadScript(o.contacts_file);
    if (!file.ok()) {
      std::cerr << "sievec: " << file.error().message << "\n";
      return kExitUsage;
    }
    std::istringstream lines((*file)->text());
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) contacts.push_back(line);
    }
    options.contacts = &contacts;
  }
  editor::EmitResult r = editor::EmitScript(model, options);
  const std::string name = o.file == "-" ? "<stdin>" : o.file;
  if (!r.ok()) {
    PrintIssues(name, r.errors);
    return kExitInvalid;
  }
  std::cout << r.script;
  PrintLosses("emit", r.losses);
  if (!r.diagnostics.all().empty()) {
    const SourceFile emitted("<emitted>", r.script);
    std::cerr << RenderText(emitted, r.diagnostics, TextRenderOptions{false});
  }
  return HasErrors(r.diagnostics) ? kExitInvalid : kExitOk;
}

int Describe(Args args) {
  Options o;
  if (!ParseOptions("describe", args, true, false, &o)) return kExitUsage;
  const std::optional<ProjectedScript> script = ReadAndProject(o);
  if (!script) return kExitUsage;
  const editor::ProjectResult& r = script->projection;
  for (size_t i = 0; i < r.model.rules.size(); ++i) {
    std::cout << fmt::format("{}. {}\n", i + 1, editor::DescribeRule(r.model.rules[i], o.locale));
  }
  return HasErrors(r.diagnostics) ? kExitInvalid : kExitOk;
}

int Check(Args args) {
  Options o;
  if (!ParseOptions("check", args, false, false, &o)) return kExitUsage;
  editor::RuleSet model;
  int status = kExitOk;
  if (!ReadModel(o.file, &model, &status)) return status;
  const editor::ServerProfile& profile =
      editor::ProfileFor(model, editor::EmitOptions{o.profile, nullptr, nullptr});
  const std::vector<editor::Issue> issues = editor::ValidateModel(model, profile);
  PrintIssues(o.file == "-" ? "<stdin>" : o.file, issues);
  return editor::HasErrors(issues) ? kExitInvalid : kExitOk;
}

}  // namespace

int RunRules(Args args) {
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& action = args[0];
  const Args rest = args.subspan(1);
  if (action == "parse") return Parse(rest);
  if (action == "emit") return Emit(rest);
  if (action == "describe") return Describe(rest);
  if (action == "check") return Check(rest);
  if (action == "--help" || action == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  std::cerr << fmt::format("sievec rules: unknown action '{}'\n", action) << kUsage;
  return kExitUsage;
}

}  // namespace sievekit::tools
