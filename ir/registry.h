// The extension registry: everything the validator (and later the code
// generator and the VM) knows about Sieve commands, tests, tagged arguments,
// comparators, match types and address parts, declared by extensions.
//
// Each extension (the RFC 5228 base included) has one registration function
// that receives an ExtensionBuilder and declares its items with declarative
// signatures plus optional hooks. The registry is built once, finalised, and
// then only read — it is shared by every compilation and thread. Control flow
// (require, if/elsif/else, stop, not/anyof/allof, true/false) is not here: it
// is built into the IR.
//
// This header must not depend on any extension; extensions depend on it.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Run-time hooks live in vm/ (which depends on ir/). The registry only
// carries pointers to them, set by the same registration function that
// declares the item, so that an extension stays one folder with one place.
namespace sievekit::vm {
struct CallRuntime;
struct MatchTypeRuntime;
struct AddressPartRuntime;
struct ActionDecorator;
}  // namespace sievekit::vm

namespace sievekit::ir {

struct Call;
class ValidationContext;

// The type of a positional argument or of a tag's parameter (RFC 5228 §2.6).
enum class ArgType : uint8_t {
  kString,      // exactly one string, no brackets
  kStringList,  // one string, or a bracketed list of them
  kNumber,
};

std::string_view ArgTypeName(ArgType type);  // "a string", "a string list", "a number"

struct ExtensionSpec {
  std::string name;  // as written in `require`, e.g. "fileinto"
  // Usable without `require` (RFC 5228 §2.7.3: i;octet and i;ascii-casemap).
  bool always_enabled = false;
  // Only available to test runs (vnd.dovecot.testsuite), never to delivery.
  bool testsuite_only = false;
};

// Tag groups shared by many tests (RFC 5228 §2.7): a test opts into a group,
// and any extension can add members to it.
inline constexpr std::string_view kComparatorGroup = "comparator";
inline constexpr std::string_view kMatchTypeGroup = "match-type";
inline constexpr std::string_view kAddressPartGroup = "address-part";

struct TagSpec {
  std::string name;                // without the ':'
  std::optional<ArgType> param;    // the argument that must follow the tag
  std::string param_description;   // e.g. "a comparator name"
  // Tags of one group exclude each other (":is" and ":contains"; ":over" and
  // ":under"). Empty: the tag is its own group.
  std::string group;
  const ExtensionSpec* extension = nullptr;  // nullptr: RFC 5228 base
};

struct PositionalSpec {
  std::string name;  // e.g. "header-names", used in messages
  ArgType type;
  // May be left out (RFC 5232's variable name before setflag's flag list).
  // Only leading arguments may be optional: they are taken to be present
  // when the call has enough positional arguments for them, and the call's
  // ir::Call::positional then holds only the arguments given.
  bool optional = false;
};

using ValidateHook = std::function<void(ValidationContext&, Call&)>;
// For a test whose value is known at compile time and decides what the code
// it guards may use (ihave, RFC 5463 §4): returns the value and, when it is
// true, sets *enables to the extensions usable wherever the test holds (the
// block of the `if` it guards, and later tests of an enclosing allof). The
// validator folds such a test into true or false; the code it guards when it
// is false never runs and is not validated beyond its syntax.
using GuardHook = std::function<bool(ValidationContext&, const Call&,
                                     std::vector<const ExtensionSpec*>* enables)>;
struct StringValue;
// Rewrites every string of a script that requires the extension, before
// anything else looks at it (encoded-character, RFC 5228 §2.4.2.4).
using StringTransform = std::function<void(ValidationContext&, StringValue&)>;

enum class CallKind : uint8_t { kCommand, kTest };

// A command or a test: its signature and hooks.
struct CallSpec {
  std::string name;  // lower case
  CallKind kind = CallKind::kCommand;
  const ExtensionSpec* extension = nullptr;
  std::vector<PositionalSpec> positional;
  std::vector<const TagSpec*> tags;  // its own tags, including ones added by other extensions
  std::vector<std::string> groups;   // shared tag groups it accepts
  std::vector<std::string> required_groups;  // a tag of each must be present
  bool takes_block = false;          // e.g. foreverypart (RFC 5703)
  ValidateHook validate;             // semantic checks after the signature matched
  GuardHook guard;                   // tests only; see GuardHook
  const vm::CallRuntime* runtime = nullptr;  // how the VM prepares and runs it
  // Filled in by Registry::Finalize (extensions leave it alone): `tags` and
  // the members of `groups`, i.e. Registry::TagsOf, built once rather than
  // for every call the validator checks.
  std::vector<const TagSpec*> accepted_tags;
  // Filled in by Registry::Finalize too: which of the three shared groups
  // `groups` names, as SharedGroupBit bits.
  uint8_t shared_groups = 0;
};

// A bit for each shared tag group (0 for any other name), for
// CallSpec::shared_groups.
constexpr uint8_t SharedGroupBit(std::string_view group) {
  return group == kComparatorGroup    ? 1
         : group == kMatchTypeGroup   ? 2
         : group == kAddressPartGroup ? 4
                                      : 0;
}

// What a comparator can do (RFC 4790 §4).
struct ComparatorSpec {
  std::string name;  // e.g. "i;ascii-casemap"
  const ExtensionSpec* extension = nullptr;
  bool equality = true;
  bool substring = true;
  bool ordering = true;
};

enum class ComparatorNeed : uint8_t { kEquality, kSubstring, kOrdering };

struct MatchTypeSpec {
  const TagSpec* tag = nullptr;  // in kMatchTypeGroup
  ComparatorNeed needs = ComparatorNeed::kEquality;
  // For :count and :value (RFC 5231) the tag's parameter is a relational
  // operator, checked by the validator.
  bool relational = false;
  // Optional check of the key list (e.g. regex syntax).
  ValidateHook validate;
  // Null for the match types the VM's kernels know by name (:is, :contains,
  // :matches, :value, :count); set by extensions that bring their own.
  const vm::MatchTypeRuntime* runtime = nullptr;
};

struct AddressPartSpec {
  const TagSpec* tag = nullptr;  // in kAddressPartGroup
  const vm::AddressPartRuntime* runtime = nullptr;  // extracts the part
};

// A variable namespace (RFC 5229 §3) an extension provides, such as
// include's "global" (RFC 6609 §3.4). "${name.x}" and `set "name.x"` are
// valid only in scripts that require the extension.
struct VariableNamespaceSpec {
  std::string name;  // the first component of the namespace, lower case
  const ExtensionSpec* extension = nullptr;
  // Whether `set` may assign its variables (RFC 5229 §4: "unless an
  // extension explicitly allows its use in set").
  bool settable = false;
};

class Registry;

// The one object an extension's registration function talks to.
class ExtensionBuilder {
 public:
  ExtensionBuilder(Registry& registry, const ExtensionSpec* extension)
      : registry_(registry), extension_(extension) {}

  const ExtensionSpec* extension() const { return extension_; }

  // Declares a command or test; returns it for further declaration.
  CallSpec& Command(std::string name);
  CallSpec& Test(std::string name);
  // A tag owned by one call (`call` may belong to another extension, e.g.
  // :copy on fileinto); returns the tag.
  const TagSpec& Tag(std::string_view call, std::string name,
                     std::optional<ArgType> param = std::nullopt,
                     std::string param_description = {}, std::string group = {});
  const ComparatorSpec& Comparator(std::string name, bool equality, bool substring,
                                   bool ordering);
  MatchTypeSpec& MatchType(std::string name, ComparatorNeed needs, bool relational = false,
                           ValidateHook validate = nullptr);
  AddressPartSpec& AddressPart(std::string name, const vm::AddressPartRuntime* runtime = nullptr);
  // An envelope part name accepted by the `envelope` test (RFC 5228 §5.4).
  void EnvelopePart(std::string name);
  // A variable namespace (RFC 5229 §3) owned by this extension.
  const VariableNamespaceSpec& VariableNamespace(std::string name, bool settable = false);
  // A rewrite applied to every string of scripts that require this extension.
  void TransformStrings(StringTransform transform);
  // A run-time hook that adjusts every action of scripts requiring this
  // extension (e.g. :copy, :flags on other extensions' commands).
  void DecorateActions(const vm::ActionDecorator* decorator);

 private:
  Registry& registry_;
  const ExtensionSpec* extension_;
};

class Registry {
 public:
  Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Declares an extension and runs its registration function. `name` empty
  // declares the RFC 5228 base (no `require` needed).
  void Register(const ExtensionSpec& spec, const std::function<void(ExtensionBuilder&)>& fn);

  // Links tags added to calls declared later; call once after all Register().
  void Finalize();

  const ExtensionSpec* FindExtension(std::string_view name) const;
  const CallSpec* FindCommand(std::string_view name) const;  // case-insensitive
  const CallSpec* FindTest(std::string_view name) const;     // case-insensitive
  const ComparatorSpec* FindComparator(std::string_view name) const;
  const MatchTypeSpec* FindMatchType(const TagSpec* tag) const;
  const AddressPartSpec* FindAddressPart(const TagSpec* tag) const;
  const MatchTypeSpec* DefaultMatchType() const;          // :is
  const ComparatorSpec* DefaultComparator() const;        // i;ascii-casemap
  const AddressPartSpec* FindAddressPart(std::string_view name) const;
  const MatchTypeSpec* FindMatchType(std::string_view name) const;
  const TagSpec* FindTag(const CallSpec& call, std::string_view name) const;
  const AddressPartSpec* DefaultAddressPart() const;      // :all
  // The tags a call accepts: its own and those of the groups it accepts.
  std::vector<const TagSpec*> TagsOf(const CallSpec& call) const;
  // The same list without copying it, once Finalize has built it; null
  // before Finalize (or after a later Register), when only TagsOf works.
  const std::vector<const TagSpec*>* FinalizedTagsOf(const CallSpec& call) const {
    return finalized_ ? &call.accepted_tags : nullptr;
  }
  bool IsEnvelopePart(std::string_view name) const;
  // The namespace whose first component is `name` (case-insensitive).
  const VariableNamespaceSpec* FindVariableNamespace(std::string_view name) const;
  struct ExtensionTransform {
    const ExtensionSpec* extension;
    StringTransform transform;
  };
  const std::vector<ExtensionTransform>& string_transforms() const { return string_transforms_; }
  struct ExtensionDecorator {
    const ExtensionSpec* extension;
    const vm::ActionDecorator* decorator;
  };
  const std::vector<ExtensionDecorator>& action_decorators() const { return decorators_; }

  std::vector<std::string_view> ExtensionNames() const;
  std::vector<std::string_view> CommandNames() const;
  std::vector<std::string_view> TestNames() const;

 private:
  friend class ExtensionBuilder;
  // Stable addresses: specs are referenced by pointer from IR nodes.
  std::deque<ExtensionSpec> extensions_;
  std::deque<CallSpec> calls_;
  std::deque<TagSpec> tags_;
  std::deque<ComparatorSpec> comparators_;
  std::deque<MatchTypeSpec> match_types_;
  std::deque<AddressPartSpec> address_parts_;
  std::map<std::string, CallSpec*, std::less<>> commands_;
  std::map<std::string, CallSpec*, std::less<>> tests_;
  std::map<std::string, const ExtensionSpec*, std::less<>> extensions_by_name_;
  std::map<std::string, const ComparatorSpec*, std::less<>> comparators_by_name_;
  std::vector<const TagSpec*> group_tags_;  // members of shared groups
  std::vector<std::pair<std::string, const TagSpec*>> pending_tags_;
  std::vector<std::string> envelope_parts_;
  std::deque<VariableNamespaceSpec> variable_namespaces_;
  std::vector<ExtensionTransform> string_transforms_;
  std::vector<ExtensionDecorator> decorators_;
  const ExtensionSpec* base_ = nullptr;
  // Set by Finalize, cleared by Register: whether accepted_tags and the
  // defaults below are up to date.
  bool finalized_ = false;
  // Hash indexes of commands_ and tests_ (views of their keys), built by
  // Finalize for the lookups of every command and test a script makes: a
  // few dozen short names, in an open-addressing table with a cheap hash
  // (a std::map compares strings at every level, std::unordered_map hashes
  // with a general-purpose function and walks bucket lists).
  class CallIndex {
   public:
    void Build(const std::map<std::string, CallSpec*, std::less<>>& calls);
    CallSpec* Find(std::string_view name) const;

   private:
    static uint32_t Hash(std::string_view name);
    struct Slot {
      std::string_view name;
      CallSpec* spec = nullptr;  // null: empty
    };
    std::vector<Slot> slots_;  // a power of two in size, at most half full
  };
  CallIndex command_index_;
  CallIndex test_index_;
  const MatchTypeSpec* default_match_type_ = nullptr;
  const ComparatorSpec* default_comparator_ = nullptr;
  const AddressPartSpec* default_address_part_ = nullptr;
};

// Lower-cases ASCII letters (identifiers, tags and extension names are
// case-insensitive).
std::string AsciiLower(std::string_view s);
// Whether AsciiLower(text) == lower, without building the lowered copy.
inline bool EqualsAsciiLower(std::string_view lower, std::string_view text) {
  if (lower.size() != text.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

// AsciiLower without allocating for short names: the view is the text
// itself when it has no upper-case letter (so the text must outlive this
// object), else a lowered copy in a buffer of its own.
class AsciiLowered {
 public:
  explicit AsciiLowered(std::string_view s);
  AsciiLowered(const AsciiLowered&) = delete;
  AsciiLowered& operator=(const AsciiLowered&) = delete;

  std::string_view view() const { return view_; }

 private:
  char buffer_[32];
  std::string long_;  // when the text does not fit the buffer
  std::string_view view_;
};

}  // namespace sievekit::ir
