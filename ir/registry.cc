// Registry bookkeeping: declaring items through ExtensionBuilder, linking
// tags that extensions add to other extensions' calls, and lookups.
#include "ir/registry.h"

#include <algorithm>
#include <stdexcept>

namespace sievekit::ir {

std::string_view ArgTypeName(ArgType type) {
  switch (type) {
    case ArgType::kString: return "a string";
    case ArgType::kStringList: return "a string list";
    case ArgType::kNumber: return "a number";
  }
  return "?";
}

namespace {
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

AsciiLowered::AsciiLowered(std::string_view s) {
  // Names are usually written in lower case already: then the text is its
  // own lowered form.
  size_t first_upper = 0;
  while (first_upper < s.size() && !(s[first_upper] >= 'A' && s[first_upper] <= 'Z')) {
    ++first_upper;
  }
  if (first_upper == s.size()) {
    view_ = s;
    return;
  }
  if (s.size() > sizeof buffer_) {
    long_ = AsciiLower(s);
    view_ = long_;
    return;
  }
  for (size_t i = 0; i < s.size(); ++i) buffer_[i] = LowerAscii(s[i]);
  view_ = std::string_view(buffer_, s.size());
}

// Registration errors are programming errors in an extension (two extensions
// declaring the same command), found by the registry's own test, so they
// throw instead of producing diagnostics.
namespace {
[[noreturn]] void RegistrationError(const std::string& what) {
  throw std::logic_error("sievekit registry: " + what);
}
}  // namespace

CallSpec& ExtensionBuilder::Command(std::string name) {
  CallSpec& spec = registry_.calls_.emplace_back();
  spec.name = AsciiLower(name);
  spec.kind = CallKind::kCommand;
  spec.extension = extension_;
  if (!registry_.commands_.emplace(spec.name, &spec).second) {
    RegistrationError("command '" + spec.name + "' declared twice");
  }
  return spec;
}

CallSpec& ExtensionBuilder::Test(std::string name) {
  CallSpec& spec = registry_.calls_.emplace_back();
  spec.name = AsciiLower(name);
  spec.kind = CallKind::kTest;
  spec.extension = extension_;
  if (!registry_.tests_.emplace(spec.name, &spec).second) {
    RegistrationError("test '" + spec.name + "' declared twice");
  }
  return spec;
}

const TagSpec& ExtensionBuilder::Tag(std::string_view call, std::string name,
                                     std::optional<ArgType> param, std::string param_description,
                                     std::string group) {
  TagSpec& tag = registry_.tags_.emplace_back();
  tag.name = AsciiLower(name);
  tag.param = param;
  tag.param_description = std::move(param_description);
  tag.group = std::move(group);
  tag.extension = extension_;
  registry_.pending_tags_.emplace_back(AsciiLower(call), &tag);
  return tag;
}

const ComparatorSpec& ExtensionBuilder::Comparator(std::string name, bool equality,
                                                   bool substring, bool ordering) {
  ComparatorSpec& spec = registry_.comparators_.emplace_back();
  spec.name = AsciiLower(name);
  spec.extension = extension_;
  spec.equality = equality;
  spec.substring = substring;
  spec.ordering = ordering;
  if (!registry_.comparators_by_name_.emplace(spec.name, &spec).second) {
    RegistrationError("comparator '" + spec.name + "' declared twice");
  }
  return spec;
}

MatchTypeSpec& ExtensionBuilder::MatchType(std::string name, ComparatorNeed needs,
                                           bool relational, ValidateHook validate) {
  TagSpec& tag = registry_.tags_.emplace_back();
  tag.name = AsciiLower(name);
  tag.group = std::string(kMatchTypeGroup);
  tag.extension = extension_;
  if (relational) {
    tag.param = ArgType::kString;
    tag.param_description = "a relational operator";
  }
  if (registry_.FindMatchType(tag.name) != nullptr) {
    RegistrationError("match type ':" + tag.name + "' declared twice");
  }
  registry_.group_tags_.push_back(&tag);
  MatchTypeSpec& spec = registry_.match_types_.emplace_back();
  spec.tag = &tag;
  spec.needs = needs;
  spec.relational = relational;
  spec.validate = std::move(validate);
  return spec;
}

AddressPartSpec& ExtensionBuilder::AddressPart(std::string name,
                                              const vm::AddressPartRuntime* runtime) {
  TagSpec& tag = registry_.tags_.emplace_back();
  tag.name = AsciiLower(name);
  tag.group = std::string(kAddressPartGroup);
  tag.extension = extension_;
  if (registry_.FindAddressPart(tag.name) != nullptr) {
    RegistrationError("address part ':" + tag.name + "' declared twice");
  }
  registry_.group_tags_.push_back(&tag);
  AddressPartSpec& spec = registry_.address_parts_.emplace_back();
  spec.tag = &tag;
  spec.runtime = runtime;
  return spec;
}

void ExtensionBuilder::EnvelopePart(std::string name) {
  registry_.envelope_parts_.push_back(AsciiLower(name));
}

const VariableNamespaceSpec& ExtensionBuilder::VariableNamespace(std::string name,
                                                                 bool settable) {
  VariableNamespaceSpec& spec = registry_.variable_namespaces_.emplace_back();
  spec.name = AsciiLower(name);
  spec.extension = extension_;
  spec.settable = settable;
  if (registry_.FindVariableNamespace(spec.name) != &spec) {
    RegistrationError("variable namespace '" + spec.name + "' declared twice");
  }
  return spec;
}

void ExtensionBuilder::TransformStrings(StringTransform transform) {
  registry_.string_transforms_.push_back({extension_, std::move(transform)});
}

void ExtensionBuilder::DecorateActions(const vm::ActionDecorator* decorator) {
  registry_.decorators_.push_back({extension_, decorator});
}

void Registry::Register(const ExtensionSpec& spec,
                        const std::function<void(ExtensionBuilder&)>& fn) {
  finalized_ = false;
  const ExtensionSpec* extension = nullptr;
  if (spec.name.empty()) {
    if (base_ == nullptr) base_ = &extensions_.emplace_back(spec);
  } else {
    extension = &extensions_.emplace_back(spec);
    if (!extensions_by_name_.emplace(spec.name, extension).second) {
      RegistrationError("extension '" + spec.name + "' registered twice");
    }
  }
  ExtensionBuilder builder(*this, extension);
  fn(builder);
}

Registry::Registry() {
  // ":comparator" <string> (RFC 5228 §2.7.3) is shared by every test that
  // accepts comparators; the comparators themselves come from extensions.
  TagSpec& tag = tags_.emplace_back();
  tag.name = "comparator";
  tag.param = ArgType::kString;
  tag.param_description = "a comparator name";
  tag.group = std::string(kComparatorGroup);
  group_tags_.push_back(&tag);
}

void Registry::Finalize() {
  for (auto& [call, tag] : pending_tags_) {
    // A name may be both a command and a test (the testsuite's
    // test_message); the tag belongs to both.
    bool found = false;
    if (auto it = commands_.find(call); it != commands_.end()) {
      it->second->tags.push_back(tag);
      found = true;
    }
    if (auto it = tests_.find(call); it != tests_.end()) {
      it->second->tags.push_back(tag);
      found = true;
    }
    if (!found) RegistrationError("tag ':" + tag->name + "' added to unknown '" + call + "'");
  }
  pending_tags_.clear();
  // Everything below is a function of what is registered; worked out once
  // here instead of for every call a script makes.
  finalized_ = false;
  for (CallSpec& call : calls_) {
    call.accepted_tags = TagsOf(call);
    call.shared_groups = 0;
    for (const std::string& group : call.groups) call.shared_groups |= SharedGroupBit(group);
  }
  command_index_.Build(commands_);
  test_index_.Build(tests_);
  default_match_type_ = DefaultMatchType();
  default_comparator_ = DefaultComparator();
  default_address_part_ = DefaultAddressPart();
  finalized_ = true;
}

const ExtensionSpec* Registry::FindExtension(std::string_view name) const {
  auto it = extensions_by_name_.find(name);
  return it == extensions_by_name_.end() ? nullptr : it->second;
}

uint32_t Registry::CallIndex::Hash(std::string_view name) {
  // The length and three of the bytes tell the few dozen names apart well
  // enough (collisions only cost a probe); multiplying mixes them into the
  // low bits the table uses.
  if (name.empty()) return 0;
  const auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(name[i]));
  };
  const uint32_t key = static_cast<uint32_t>(name.size()) << 24 ^ byte(0) << 16 ^
                       byte(name.size() / 2) << 8 ^ byte(name.size() - 1);
  return (key * 0x9E3779B1u) >> 16;
}

void Registry::CallIndex::Build(const std::map<std::string, CallSpec*, std::less<>>& calls) {
  size_t size = 16;
  while (size < 2 * calls.size()) size *= 2;
  slots_.assign(size, Slot{});
  for (const auto& [name, spec] : calls) {
    size_t i = Hash(name) & (size - 1);
    while (slots_[i].spec != nullptr) i = (i + 1) & (size - 1);
    slots_[i] = Slot{name, spec};
  }
}

CallSpec* Registry::CallIndex::Find(std::string_view name) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = Hash(name) & mask; slots_[i].spec != nullptr; i = (i + 1) & mask) {
    if (slots_[i].name == name) return slots_[i].spec;
  }
  return nullptr;
}

namespace {

// A case-insensitive lookup by `find`, which takes lower-case names. Names
// are mostly written in lower case: the text is tried as it is first, and
// only lowered (then tried again) when that misses.
template <typename Find>
CallSpec* FindLower(const Find& find, std::string_view name) {
  if (CallSpec* spec = find(name)) return spec;
  const AsciiLowered lower(name);
  if (lower.view().data() == name.data()) return nullptr;  // already lower case
  return find(lower.view());
}

CallSpec* FindInMap(const std::map<std::string, CallSpec*, std::less<>>& map,
                    std::string_view name) {
  auto it = map.find(name);
  return it == map.end() ? nullptr : it->second;
}

}  // namespace

const CallSpec* Registry::FindCommand(std::string_view name) const {
  if (finalized_) {
    return FindLower([this](std::string_view n) { return command_index_.Find(n); }, name);
  }
  return FindLower([this](std::string_view n) { return FindInMap(commands_, n); }, name);
}

const CallSpec* Registry::FindTest(std::string_view name) const {
  if (finalized_) {
    return FindLower([this](std::string_view n) { return test_index_.Find(n); }, name);
  }
  return FindLower([this](std::string_view n) { return FindInMap(tests_, n); }, name);
}

const ComparatorSpec* Registry::FindComparator(std::string_view name) const {
  auto it = comparators_by_name_.find(AsciiLowered(name).view());
  return it == comparators_by_name_.end() ? nullptr : it->second;
}

const MatchTypeSpec* Registry::FindMatchType(const TagSpec* tag) const {
  for (const MatchTypeSpec& m : match_types_) {
    if (m.tag == tag) return &m;
  }
  return nullptr;
}

const AddressPartSpec* Registry::FindAddressPart(const TagSpec* tag) const {
  for (const AddressPartSpec& a : address_parts_) {
    if (a.tag == tag) return &a;
  }
  return nullptr;
}

const MatchTypeSpec* Registry::DefaultMatchType() const {
  if (finalized_) return default_match_type_;
  for (const MatchTypeSpec& m : match_types_) {
    if (m.tag->name == "is") return &m;
  }
  return nullptr;
}

const ComparatorSpec* Registry::DefaultComparator() const {
  if (finalized_) return default_comparator_;
  return FindComparator("i;ascii-casemap");
}

const AddressPartSpec* Registry::DefaultAddressPart() const {
  if (finalized_) return default_address_part_;
  for (const AddressPartSpec& a : address_parts_) {
    if (a.tag->name == "all") return &a;
  }
  return nullptr;
}

const AddressPartSpec* Registry::FindAddressPart(std::string_view name) const {
  const AsciiLowered lower(name);
  for (const AddressPartSpec& a : address_parts_) {
    if (a.tag->name == lower.view()) return &a;
  }
  return nullptr;
}

const MatchTypeSpec* Registry::FindMatchType(std::string_view name) const {
  const AsciiLowered lower(name);
  for (const MatchTypeSpec& m : match_types_) {
    if (m.tag->name == lower.view()) return &m;
  }
  return nullptr;
}

const TagSpec* Registry::FindTag(const CallSpec& call, std::string_view name) const {
  // Tag names are stored lower case.
  auto find = [name](const std::vector<const TagSpec*>& tags) -> const TagSpec* {
    for (const TagSpec* tag : tags) {
      if (EqualsAsciiLower(tag->name, name)) return tag;
    }
    return nullptr;
  };
  if (const std::vector<const TagSpec*>* tags = FinalizedTagsOf(call)) return find(*tags);
  return find(TagsOf(call));
}

std::vector<const TagSpec*> Registry::TagsOf(const CallSpec& call) const {
  if (finalized_) return call.accepted_tags;
  std::vector<const TagSpec*> out = call.tags;
  for (const TagSpec* tag : group_tags_) {
    if (std::find(call.groups.begin(), call.groups.end(), tag->group) != call.groups.end()) {
      out.push_back(tag);
    }
  }
  return out;
}

bool Registry::IsEnvelopePart(std::string_view name) const {
  const AsciiLowered lower(name);
  return std::find(envelope_parts_.begin(), envelope_parts_.end(), lower.view()) !=
         envelope_parts_.end();
}

const VariableNamespaceSpec* Registry::FindVariableNamespace(std::string_view name) const {
  const AsciiLowered lower(name);
  for (const VariableNamespaceSpec& spec : variable_namespaces_) {
    if (spec.name == lower.view()) return &spec;
  }
  return nullptr;
}

std::vector<std::string_view> Registry::ExtensionNames() const {
  std::vector<std::string_view> out;
  for (const auto& [name, spec] : extensions_by_name_) out.push_back(name);
  return out;
}

std::vector<std::string_view> Registry::CommandNames() const {
  std::vector<std::string_view> out;
  for (const auto& [name, spec] : commands_) out.push_back(name);
  return out;
}

std::vector<std::string_view> Registry::TestNames() const {
  std::vector<std::string_view> out;
  for (const auto& [name, spec] : tests_) out.push_back(name);
  return out;
}

}  // namespace sievekit::ir
