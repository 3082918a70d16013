// Re-checking a call that did not come from the validator (see
// call_verifier.h). The checks mirror ir/call_validator.cc; where that file
// reports a diagnostic for a script, this one refuses a call with an Error.
#include "vm/call_verifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

namespace sievekit::vm {
namespace {

constexpr std::string_view kRelationalOps[] = {"gt", "ge", "lt", "le", "eq", "ne"};

bool Accepts(const ir::CallSpec& spec, std::string_view group) {
  return std::find(spec.groups.begin(), spec.groups.end(), group) != spec.groups.end();
}

Result<void> CheckSpan(Span span, std::string_view what) {
  if (span.begin > span.end) {
    return Error{fmt::format("{} has a reversed span {}..{}", what, span.begin, span.end)};
  }
  return {};
}

// The tag of `group` in the call, if any (the caller has checked there is
// at most one).
const ir::TagArgument* TagOfGroup(const ir::Call& call, std::string_view group) {
  for (const ir::TagArgument& tag : call.tags) {
    if (tag.spec->group == group) return &tag;
  }
  return nullptr;
}

}  // namespace

CallVerifier::CallVerifier(const ir::Registry& registry, const ir::CompileOptions& options,
                           const std::vector<const ir::ExtensionSpec*>& required)
    : registry_(registry),
      options_(options),
      no_source_("", ""),
      context_(registry, options_, no_source_, diagnostics_) {
  for (const ir::ExtensionSpec* e : required) context_.Enable(e);
}

Result<void> CallVerifier::Verify(const ir::Call& call) {
  if (call.spec == nullptr) return Error{"the call has no spec"};
  const ir::CallSpec& spec = *call.spec;
  if (!context_.IsEnabled(spec.extension)) {
    return Error{fmt::format("'{}' needs the extension '{}', which the program does not require",
                             spec.name, spec.extension->name)};
  }
  if (auto r = CheckSpan(call.span, "the call"); !r.ok()) return r;
  if (auto r = CheckSpan(call.name_span, "the call's name"); !r.ok()) return r;
  if (!call.block.empty()) return Error{"a call in a program cannot hold a block"};

  // Leading optional arguments may be left out; the call then holds only
  // the arguments given, and they line up with the end of the signature.
  const size_t want = spec.positional.size();
  size_t optional = 0;
  while (optional < want && spec.positional[optional].optional) ++optional;
  const size_t given = call.positional.size();
  if (given > want || given + optional < want) {
    return Error{fmt::format(
        "{} positional argument{}, '{}' takes {}", given, given == 1 ? "" : "s", spec.name,
        optional == 0 ? fmt::format("{}", want) : fmt::format("{} to {}", want - optional, want))};
  }
  const size_t skipped = want - given;
  for (size_t i = 0; i < given; ++i) {
    const ir::PositionalSpec& p = spec.positional[i + skipped];
    const std::string what = fmt::format("positional argument {} ({})", i + 1, p.name);
    if (auto r = VerifyValue(call.positional[i], p.type, what); !r.ok()) return r;
  }
  if (auto r = VerifyTags(call); !r.ok()) return r;
  if (auto r = VerifySharedArguments(call); !r.ok()) return r;
  return RunHooks(call);
}

Result<void> CallVerifier::VerifyValue(const ir::Value& value, ir::ArgType want,
                                       std::string_view what) const {
  if (value.type != want) {
    return Error{fmt::format("{} is {}, it must be {}", what, ir::ArgTypeName(value.type),
                             ir::ArgTypeName(want))};
  }
  if (auto r = CheckSpan(value.span, what); !r.ok()) return r;
  const size_t n = value.strings.size();
  switch (value.type) {
    case ir::ArgType::kNumber:
      if (n != 0) return Error{fmt::format("{} is a number but holds strings", what)};
      return {};
    case ir::ArgType::kString:
      if (n != 1) return Error{fmt::format("{} is a string but holds {} strings", what, n)};
      break;
    case ir::ArgType::kStringList:
      if (n == 0) return Error{fmt::format("{} is an empty string list", what)};
      if (n > options_.limits.max_list_length) {
        return Error{fmt::format("{} holds {} strings, more than the limit of {}", what, n,
                                 options_.limits.max_list_length)};
      }
      break;
  }
  for (const ir::StringValue& s : value.strings) {
    if (s.text.size() > options_.limits.max_string_length) {
      return Error{fmt::format("a string of {} is {} bytes long, more than the limit of {}", what,
                               s.text.size(), options_.limits.max_string_length)};
    }
    if (auto r = CheckSpan(s.span, fmt::format("a string of {}", what)); !r.ok()) return r;
  }
  return {};
}

Result<void> CallVerifier::VerifyTags(const ir::Call& call) const {
  const ir::CallSpec& spec = *call.spec;
  const std::vector<const ir::TagSpec*> allowed = registry_.TagsOf(spec);
  std::map<std::string_view, const ir::TagSpec*> groups;  // group → its tag
  for (const ir::TagArgument& tag : call.tags) {
    const ir::TagSpec& t = *tag.spec;
    if (std::find(allowed.begin(), allowed.end(), &t) == allowed.end()) {
      return Error{fmt::format("tag ':{}' does not belong to '{}'", t.name, spec.name)};
    }
    if (!context_.IsEnabled(t.extension)) {
      return Error{
          fmt::format("tag ':{}' needs the extension '{}', which the program does not "
                      "require",
                      t.name, t.extension->name)};
    }
    if (auto r = CheckSpan(tag.span, fmt::format("tag ':{}'", t.name)); !r.ok()) return r;
    if (t.param.has_value() != tag.param.has_value()) {
      return Error{t.param ? fmt::format("tag ':{}' lacks its parameter", t.name)
                           : fmt::format("tag ':{}' takes no parameter but has one", t.name)};
    }
    if (tag.param) {
      const std::string what = fmt::format("the parameter of tag ':{}'", t.name);
      if (auto r = VerifyValue(*tag.param, *t.param, what); !r.ok()) return r;
    }
    const std::string_view group = t.group.empty() ? std::string_view(t.name) : t.group;
    auto [it, inserted] = groups.emplace(group, &t);
    if (!inserted) {
      return Error{it->second == &t ? fmt::format("tag ':{}' appears twice", t.name)
                                    : fmt::format("tags ':{}' and ':{}' exclude each other",
                                                  it->second->name, t.name)};
    }
  }
  for (const std::string& group : spec.required_groups) {
    if (groups.count(group) == 0) {
      return Error{fmt::format("a tag of the group '{}' is required", group)};
    }
  }
  return {};
}

Result<void> CallVerifier::VerifySharedArguments(const ir::Call& call) const {
  const ir::CallSpec& spec = *call.spec;
  // Each resolved argument is present exactly when the call accepts its
  // group, and equals what its tag (or the RFC 5228 default) names.
  const bool comparators = Accepts(spec, ir::kComparatorGroup);
  if ((call.comparator != nullptr) != comparators) {
    return Error{comparators ? "the comparator is missing" : "it has a comparator but takes none"};
  }
  if (call.comparator != nullptr) {
    const ir::TagArgument* tag = TagOfGroup(call, ir::kComparatorGroup);
    const ir::ComparatorSpec* named =
        tag ? registry_.FindComparator(tag->param->str()) : registry_.DefaultComparator();
    if (named != call.comparator) {
      return Error{fmt::format("the comparator '{}' disagrees with its tags, which name {}",
                               call.comparator->name,
                               tag ? "'" + tag->param->str() + "'" : "the default")};
    }
    if (!context_.IsEnabled(call.comparator->extension)) {
      return Error{
          fmt::format("comparator '{}' needs the extension '{}', which the program does "
                      "not require",
                      call.comparator->name, call.comparator->extension->name)};
    }
  }

  const bool match_types = Accepts(spec, ir::kMatchTypeGroup);
  if ((call.match_type != nullptr) != match_types) {
    return Error{match_types ? "the match type is missing" : "it has a match type but takes none"};
  }
  std::string relational_op;
  if (call.match_type != nullptr) {
    const ir::TagArgument* tag = TagOfGroup(call, ir::kMatchTypeGroup);
    const ir::MatchTypeSpec* named =
        tag ? registry_.FindMatchType(tag->spec) : registry_.DefaultMatchType();
    if (named != call.match_type) {
      return Error{
          fmt::format("the match type ':{}' disagrees with its tags", call.match_type->tag->name)};
    }
    if (call.match_type->relational && tag != nullptr) {
      relational_op = ir::AsciiLower(tag->param->str());
      if (std::find(std::begin(kRelationalOps), std::end(kRelationalOps), relational_op) ==
          std::end(kRelationalOps)) {
        return Error{fmt::format("'{}' is not a relational operator", tag->param->str())};
      }
    }
  }
  if (call.relational_op != relational_op) {
    return Error{fmt::format("the relational operator '{}' disagrees with its tags ('{}')",
                             call.relational_op, relational_op)};
  }

  const bool address_parts = Accepts(spec, ir::kAddressPartGroup);
  if ((call.address_part != nullptr) != address_parts) {
    return Error{address_parts ? "the address part is missing"
                               : "it has an address part but takes none"};
  }
  if (call.address_part != nullptr) {
    const ir::TagArgument* tag = TagOfGroup(call, ir::kAddressPartGroup);
    const ir::AddressPartSpec* named =
        tag ? registry_.FindAddressPart(tag->spec) : registry_.DefaultAddressPart();
    if (named != call.address_part) {
      return Error{fmt::format("the address part ':{}' disagrees with its tags",
                               call.address_part->tag->name)};
    }
  }

  if (call.comparator != nullptr && call.match_type != nullptr) {
    const ir::ComparatorSpec& c = *call.comparator;
    const ir::ComparatorNeed need = call.match_type->needs;
    const bool ok = need == ir::ComparatorNeed::kEquality    ? c.equality
                    : need == ir::ComparatorNeed::kSubstring ? c.substring
                                                             : c.ordering;
    if (!ok) {
      return Error{fmt::format("comparator '{}' cannot serve the match type ':{}'", c.name,
                               call.match_type->tag->name)};
    }
  }
  return {};
}

Result<void> CallVerifier::RunHooks(const ir::Call& call) {
  // The hooks take the call by non-const reference (the validator lets them
  // adjust it); a copy keeps the program exactly as loaded.
  const bool match_hook = call.match_type != nullptr && call.match_type->validate;
  if (!match_hook && !call.spec->validate) return {};
  ir::Call copy = call;
  const uint32_t errors_before = diagnostics_.error_count();
  if (match_hook) call.match_type->validate(context_, copy);
  if (diagnostics_.error_count() == errors_before && call.spec->validate) {
    call.spec->validate(context_, copy);
  }
  if (diagnostics_.error_count() == errors_before) return {};
  // Earlier calls left warnings at most (an error stops the verification),
  // so the first error stored is this call's first.
  std::string message;
  for (const Diagnostic& d : diagnostics_.all()) {
    if (d.severity() == Severity::kError) {
      message = d.message;
      break;
    }
  }
  return Error{"rejected by its validation: " + message};
}

}  // namespace sievekit::vm
