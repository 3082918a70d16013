// Requirement analysis: a walk over the syntax tree with the registry and a
// table of extensions the registry may not (yet) hold.
#include "editor/requirements.h"

#include <array>
#include <memory>
#include <span>
#include <utility>

#include "common/source_file.h"
#include "parser/parser.h"

namespace sievekit::editor {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Commands and tests of registered Sieve extensions, by name. Used only when
// the registry does not know the name.
constexpr std::array<Pair, 30> kCallExtensions = {{
    {"vacation", "vacation"},
    {"addheader", "editheader"},
    {"deleteheader", "editheader"},
    {"include", "include"},
    {"return", "include"},
    {"global", "include"},
    {"foreverypart", "foreverypart"},
    {"break", "foreverypart"},
    {"replace", "replace"},
    {"enclose", "enclose"},
    {"extracttext", "extracttext"},
    {"mark", "imapflags"},
    {"unmark", "imapflags"},
    {"convert", "convert"},
    {"virustest", "virustest"},
    {"date", "date"},
    {"currentdate", "date"},
    {"duplicate", "duplicate"},
    {"mailboxexists", "mailbox"},
    {"metadata", "mboxmetadata"},
    {"metadataexists", "mboxmetadata"},
    {"servermetadata", "servermetadata"},
    {"servermetadataexists", "servermetadata"},
    {"environment", "environment"},
    {"valid_notify_method", "enotify"},
    {"notify_method_capability", "enotify"},
    {"valid_ext_list", "extlists"},
    {"specialuse_exists", "special-use"},
    {"string", "variables"},
    {"hasflag", "imap4flags"},
}};

// Tags of registered extensions, on whatever call they appear.
constexpr std::array<Pair, 22> kTagExtensions = {{
    {"seconds", "vacation-seconds"},
    {"index", "index"},
    {"last", "index"},
    {"mime", "mime"},
    {"anychild", "mime"},
    {"type", "mime"},
    {"subtype", "mime"},
    {"contenttype", "mime"},
    {"param", "mime"},
    {"list", "extlists"},
    {"specialuse", "special-use"},
    {"create", "mailbox"},
    {"copy", "copy"},
    {"flags", "imap4flags"},
    {"percent", "spamtestplus"},
    {"regex", "regex"},
    {"count", "relational"},
    {"value", "relational"},
    {"user", "subaddress"},
    {"detail", "subaddress"},
    {"zone", "date"},
    {"originalzone", "date"},
}};

std::string_view Lookup(std::string_view name, std::span<const Pair> table) {
  for (const auto& [k, v] : table) {
    if (k == name) return v;
  }
  return "";
}

bool IsControl(std::string_view name) {
  return name == "if" || name == "elsif" || name == "else" || name == "stop" ||
         name == "require" || name == "not" || name == "anyof" || name == "allof" ||
         name == "true" || name == "false";
}

class Walker {
 public:
  Walker(const ir::Registry& registry, const NameSet& declared, Needs* out)
      : registry_(registry), declared_(declared), out_(out) {}

  void Command(const syntax::Command& c) {
    Call(c.name, c.arguments, /*is_test=*/false);
    for (const syntax::Test& t : c.tests) Test(t);
    if (c.block) {
      for (const syntax::Command& inner : c.block->commands) Command(inner);
    }
  }

 private:
  void Test(const syntax::Test& t) {
    Call(t.name, t.arguments, /*is_test=*/true);
    for (const syntax::Test& inner : t.tests) Test(inner);
  }

  void Need(std::string_view extension) {
    if (extension.empty()) return;  // the RFC 5228 base
    if (const ir::ExtensionSpec* spec = registry_.FindExtension(extension)) {
      if (spec->always_enabled || spec->name.empty()) return;
    }
    out_->extensions.emplace(extension);
  }

  bool HasTag(const std::vector<syntax::Argument>& args, std::string_view tag) const {
    for (const syntax::Argument& a : args) {
      if (a.IsTag() && ir::AsciiLower(a.tag) == tag) return true;
    }
    return false;
  }

  void Strings(const std::vector<syntax::Argument>& args) {
    for (const syntax::Argument& a : args) {
      for (const syntax::StringLiteral& s : a.strings) {
        if (s.value.find("${") == std::string::npos) continue;
        if (declared_.contains("variables")) Need("variables");
        const std::string lower = ir::AsciiLower(s.value);
        if (declared_.contains("encoded-character") &&
            (lower.find("${hex:") != std::string::npos ||
             lower.find("${unicode:") != std::string::npos)) {
          Need("encoded-character");
        }
      }
    }
  }

  // Names two extensions share: decided by the script's require list first.
  bool Shared(const std::string& name, const std::vector<syntax::Argument>& args) {
    if (name == "notify") {
      if (declared_.contains("enotify")) {
        Need("enotify");
      } else if (declared_.contains("notify") || HasTag(args, "method")) {
        Need("notify");
      } else {
        Need("enotify");
      }
      return true;
    }
    if (name == "spamtest") {
      const bool plus = HasTag(args, "percent") || declared_.contains("spamtestplus");
      Need(plus ? "spamtestplus" : "spamtest");
      return true;
    }
    if (name == "vacation") {
      // RFC 6131 §2: "vacation-seconds" implies "vacation".
      const bool seconds = declared_.contains("vacation-seconds") && !declared_.contains("vacation");
      Need(seconds ? "vacation-seconds" : "vacation");
      return true;
    }
    return false;
  }

  void Call(const std::string& written, const std::vector<syntax::Argument>& args, bool is_test) {
    const std::string name = ir::AsciiLower(written);
    Strings(args);
    if (IsControl(name)) return;
    if (Shared(name, args)) {
      Tags(name, nullptr, args);
      return;
    }
    const ir::CallSpec* spec = is_test ? registry_.FindTest(name) : registry_.FindCommand(name);
    if (spec != nullptr && spec->extension != nullptr && !spec->extension->name.empty()) {
      Need(spec->extension->name);
    } else if (spec != nullptr && Lookup(name, kCallExtensions).empty()) {
      // The RFC 5228 base: nothing to require.
    } else if (std::string_view ext = Lookup(name, kCallExtensions); !ext.empty()) {
      Need(ext);
    } else if (declared_.contains(name)) {
      Need(name);
    } else {
      out_->unknown = true;
    }
    Tags(name, spec, args);
  }

  void Tags(std::string_view call, const ir::CallSpec* spec,
            const std::vector<syntax::Argument>& args) {
    for (size_t i = 0; i < args.size(); ++i) {
      const syntax::Argument& a = args[i];
      if (!a.IsTag()) continue;
      const std::string tag = ir::AsciiLower(a.tag);
      if (tag == "comparator" && i + 1 < args.size() && args[i + 1].IsStringList()) {
        for (const syntax::StringLiteral& s : args[i + 1].strings) {
          if (const ir::ComparatorSpec* c = registry_.FindComparator(s.value)) {
            if (c->extension != nullptr) Need(c->extension->name);
          } else {
            Need("comparator-" + s.value);
          }
        }
        continue;
      }
      const ir::TagSpec* found = spec != nullptr ? registry_.FindTag(*spec, tag) : nullptr;
      if (found != nullptr) {
        if (found->extension != nullptr) Need(found->extension->name);
      } else if (std::string_view ext = Lookup(tag, kTagExtensions); !ext.empty()) {
        // vacation has a :mime of its own (RFC 5230 §4.6).
        if (!(call == "vacation" && tag == "mime")) Need(ext);
      }
      // Other tags belong to the call itself (vacation's :days, notify's :message).
    }
  }

  const ir::Registry& registry_;
  const NameSet& declared_;
  Needs* out_;
};

}  // namespace

void AddNeeds(const syntax::Command& command, const ir::Registry& registry,
              const NameSet& declared, Needs* out) {
  Walker(registry, declared, out).Command(command);
}

Needs NeedsOfText(std::string_view sieve, const ir::Registry& registry, const NameSet& declared) {
  Needs out;
  syntax::ParseResult parsed =
      syntax::Parse(std::make_shared<SourceFile>("rule", std::string(sieve)));
  if (!parsed.complete || parsed.diagnostics.has_errors()) out.unknown = true;
  for (const syntax::Command& c : parsed.tree.commands) AddNeeds(c, registry, declared, &out);
  return out;
}

NameSet DeclaredRequires(const syntax::SyntaxTree& tree) {
  NameSet out;
  for (const syntax::Command& c : tree.commands) {
    if (ir::AsciiLower(c.name) != "require") continue;
    for (const syntax::Argument& a : c.arguments) {
      for (const syntax::StringLiteral& s : a.strings) out.insert(s.value);
    }
  }
  return out;
}

}  // namespace sievekit::editor
