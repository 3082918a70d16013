// Argument matching for one call: tags (with parameters and groups), then
// positional arguments, then the shared comparator / match type / address
// part, then the extension's own validate hook.
//
// The first signature error ends the matching of that call: once an argument
// is misread, everything after it would be misread too, and a cascade of
// follow-up errors hides the real one.
#include "ir/call_validator.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/diagnostic_catalogue.h"
#include "common/suggest.h"

namespace sievekit::ir {
namespace {

std::string_view DescribeSyntaxArgument(const syntax::Argument& a) {
  switch (a.kind) {
    case syntax::Argument::Kind::kTag: return "a tagged argument";
    case syntax::Argument::Kind::kNumber: return "a number";
    case syntax::Argument::Kind::kStringList: return a.bracketed ? "a string list" : "a string";
  }
  return "?";
}

bool Fits(const syntax::Argument& a, ArgType type) {
  switch (type) {
    case ArgType::kString: return a.IsSingleString();
    case ArgType::kStringList: return a.IsStringList();
    case ArgType::kNumber: return a.IsNumber();
  }
  return false;
}

Value ToValue(ValidationContext& context, const syntax::Argument& a, ArgType type) {
  Value v;
  v.type = type;
  v.span = a.span;
  v.number = a.number;
  v.strings.reserve(a.strings.size());
  for (const syntax::StringLiteral& s : a.strings) v.strings.push_back(StringValue{s.value, s.span});
  for (const Registry::ExtensionTransform* transform : context.enabled_string_transforms()) {
    for (StringValue& sv : v.strings) transform->transform(context, sv);
  }
  return v;
}

std::string TagList(const std::vector<const TagSpec*>& tags, std::string_view group) {
  std::vector<std::string> names;
  for (const TagSpec* t : tags) {
    if (t->group == group) names.push_back(":" + t->name);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

constexpr std::string_view kRelationalOps[] = {"gt", "ge", "lt", "le", "eq", "ne"};

// Tag group (a view of the TagSpec's group or name) → index in the call's
// tags. A call has a handful of tags, so they are kept inline, in a plain
// array searched front to back; only an unusual call spills to the heap.
class SeenGroups {
 public:
  const size_t* Find(std::string_view group) const {
    for (size_t i = 0; i < count_ && i < kInline; ++i) {
      if (std::string_view(inline_[i].name, inline_[i].size) == group) return &inline_[i].index;
    }
    for (const auto& [name, index] : more_) {
      if (name == group) return &index;
    }
    return nullptr;
  }
  void Add(std::string_view group, size_t index) {
    if (count_ < kInline) {
      inline_[count_] = {group.data(), group.size(), index};
    } else {
      more_.emplace_back(group, index);
    }
    ++count_;
  }

 private:
  // Plain fields, left uninitialised until used: a call makes one of these.
  struct Entry {
    const char* name;
    size_t size;
    size_t index;
  };
  static constexpr size_t kInline = 8;
  std::array<Entry, kInline> inline_;
  size_t count_ = 0;
  std::vector<std::pair<std::string_view, size_t>> more_;
};

class CallMatcher {
 public:
  // Fills in `call`, a default-constructed Call.
  CallMatcher(ValidationContext& context, const CallSpec& spec, std::string_view written_name,
              Span span, Span name_span, Call& call)
      : context_(context),
        spec_(spec),
        name_(written_name),
        kind_(KindName(spec.kind)),
        tags_(context.registry().FinalizedTagsOf(spec)),
        call_(call) {
    if (tags_ == nullptr) {
      own_tags_ = context.registry().TagsOf(spec);
      tags_ = &own_tags_;
    }
    call_.spec = &spec;
    call_.span = span;
    call_.name_span = name_span;
  }

  // Whether the call failed without a report of its own (a repeated
  // unknown tag).
  bool silent_failure() const { return silent_failure_; }

  void Run(const std::vector<syntax::Argument>& arguments) {
    skipped_optional_ = OptionalArgumentsLeftOut(arguments);
    // Room for every argument up front: no vector of values moves as it grows.
    size_t tags = 0;
    for (const syntax::Argument& a : arguments) tags += a.IsTag() ? size_t{1} : size_t{0};
    call_.tags.reserve(tags);
    call_.positional.reserve(std::min(arguments.size() - tags, spec_.positional.size()));
    const uint32_t errors_before = context_.diagnostics().error_count();
    // The extension's own checks run only on arguments that are right so far
    // (a string transform may have reported a bad string already).
    if (MatchArguments(arguments) && ResolveSharedArguments() && spec_.validate &&
        context_.diagnostics().error_count() == errors_before &&
        !context_.diagnostics().AtErrorCap()) {
      spec_.validate(context_, call_);
    }
  }

 private:
  // How many leading optional positional arguments the call leaves out:
  // as many as needed for the arguments given to fill the rest. Tags are
  // skipped with their parameters (an unknown tag is reported later anyway).
  size_t OptionalArgumentsLeftOut(const std::vector<syntax::Argument>& arguments) const {
    size_t optional = 0;
    while (optional < spec_.positional.size() && spec_.positional[optional].optional) ++optional;
    if (optional == 0) return 0;
    size_t given = 0;
    for (size_t i = 0; i < arguments.size(); ++i) {
      if (!arguments[i].IsTag()) {
        ++given;
        continue;
      }
      for (const TagSpec* t : *tags_) {
        if (EqualsAsciiLower(t->name, arguments[i].tag) && t->param && i + 1 < arguments.size() &&
            !arguments[i + 1].IsTag()) {
          ++i;
          break;
        }
      }
    }
    const size_t missing = given < spec_.positional.size() ? spec_.positional.size() - given : 0;
    return std::min(missing, optional);
  }

  // False when an error was reported.
  bool MatchArguments(const std::vector<syntax::Argument>& arguments) {
    for (size_t i = 0; i < arguments.size(); ++i) {
      const syntax::Argument& a = arguments[i];
      if (a.IsTag()) {
        if (!MatchTag(arguments, &i)) return false;
      } else if (!MatchPositional(a)) {
        return false;
      }
    }
    if (call_.positional.size() + skipped_optional_ < spec_.positional.size()) {
      size_t want = 0;
      for (const PositionalSpec& p : spec_.positional) want += p.optional ? 0 : 1;
      const size_t got = call_.positional.size();
      context_.Report(diag::kMissingArgument, call_.name_span, name_, kind_, want,
                      want == 1 ? "" : "s", got, got == 1 ? "was" : "were");
      return false;
    }
    for (const std::string& group : spec_.required_groups) {
      if (FindGroup(group) == nullptr) {
        context_.Report(diag::kMissingTaggedArgument, call_.name_span, name_, kind_,
                        TagList(*tags_, group));
        return false;
      }
    }
    return true;
  }

  bool MatchPositional(const syntax::Argument& a) {
    const size_t written = call_.positional.size();  // position as written
    const size_t index = written + skipped_optional_;  // position in the signature
    if (index >= spec_.positional.size()) {
      context_.Report(diag::kTooManyArguments, a.span, name_, kind_,
                      spec_.positional.empty()
                          ? std::string("no positional arguments")
                          : fmt::format("{} positional argument{}", spec_.positional.size(),
                                        spec_.positional.size() == 1 ? "" : "s"));
      return false;
    }
    const PositionalSpec& want = spec_.positional[index];
    if (!Fits(a, want.type)) {
      context_.Report(diag::kWrongArgumentType, a.span, name_, kind_, ArgTypeName(want.type),
                      written + 1, want.name, DescribeSyntaxArgument(a));
      return false;
    }
    call_.positional.push_back(ToValue(context_, a, want.type));
    return true;
  }

  bool MatchTag(const std::vector<syntax::Argument>& arguments, size_t* i) {
    const syntax::Argument& a = arguments[*i];
    const TagSpec* tag = nullptr;
    for (const TagSpec* t : *tags_) {
      if (EqualsAsciiLower(t->name, a.tag)) tag = t;
    }
    // The lowered name is needed only to report an unknown tag.
    const std::string name = tag == nullptr ? AsciiLower(a.tag) : std::string();
    // An unknown tag is reported once per command name in a script: the
    // same unknown tag again is the same mistake (the call is still
    // rejected). A repeated one that is also out of place (after the
    // positional arguments, RFC 5228 §2.6.2) is reported as misplaced.
    const bool first_unknown = tag == nullptr && context_.FirstUnknownTag(spec_, name);
    if (!first_unknown && !call_.positional.empty()) {
      context_.Report(diag::kTagAfterPositional, a.span, a.tag, name_, kind_);
      return false;
    }
    if (tag == nullptr) {
      if (!first_unknown) {
        silent_failure_ = true;
        return false;
      }
      std::vector<std::string_view> names;
      std::vector<std::string> usable;
      for (const TagSpec* t : *tags_) {
        names.push_back(t->name);
        if (t->extension == nullptr || context_.IsEnabled(t->extension)) {
          usable.push_back(":" + t->name);
        }
      }
      std::string takes = "it takes no tagged arguments";
      if (!usable.empty()) {
        takes = "it takes ";
        for (size_t k = 0; k < usable.size(); ++k) {
          if (k > 0) takes += (k + 1 == usable.size()) ? " or " : ", ";
          takes += usable[k];
        }
      }
      Diagnostic& d = context_.Report(diag::kUnknownTag, a.span, a.tag, name_, kind_, takes);
      if (auto best = SuggestClosest(name, names)) {
        d.Note(fmt::format("did you mean ':{}'?", *best));
      }
      return false;
    }
    if (tag->extension != nullptr && !context_.IsEnabled(tag->extension)) {
      ReportMissingRequire(context_, a.span, "tagged argument", ":" + tag->name,
                           *tag->extension);
      return false;
    }
    const std::string_view group = tag->group.empty() ? tag->name : tag->group;
    if (const size_t* seen = FindGroup(group)) {
      const TagSpec* earlier = call_.tags[*seen].spec;
      if (earlier == tag) {
        context_.Report(diag::kDuplicateTag, a.span, tag->name, name_, kind_);
      } else {
        context_.Report(diag::kConflictingTags, a.span, tag->name, earlier->name, name_, kind_);
      }
      return false;
    }
    TagArgument tag_argument{tag, a.span, std::nullopt};
    if (tag->param) {
      const std::string_view what = tag->param_description.empty()
                                        ? ArgTypeName(*tag->param)
                                        : std::string_view(tag->param_description);
      if (*i + 1 >= arguments.size() || arguments[*i + 1].IsTag()) {
        context_.Report(diag::kTagArgumentMissing, a.span, tag->name, name_, kind_, what);
        return false;
      }
      const syntax::Argument& p = arguments[++*i];
      if (!Fits(p, *tag->param)) {
        context_.Report(diag::kWrongTagParameter, p.span, tag->name, name_, kind_,
                        ArgTypeName(*tag->param), DescribeSyntaxArgument(p));
        return false;
      }
      tag_argument.param = ToValue(context_, p, *tag->param);
      tag_argument.span = a.span.Cover(p.span);
    }
    seen_groups_.Add(group, call_.tags.size());
    call_.tags.push_back(std::move(tag_argument));
    return true;
  }

  // Index in call_.tags of the tag of this group, if one was seen.
  const size_t* FindGroup(std::string_view group) const { return seen_groups_.Find(group); }

  const TagArgument* TagOfGroup(std::string_view group) const {
    const size_t* index = FindGroup(group);
    return index == nullptr ? nullptr : &call_.tags[*index];
  }

  // For the shared groups only (kComparatorGroup and the like): a template,
  // so that the group's bit is a constant.
  template <const std::string_view& kGroup>
  bool Accepts() const {
    if (tags_ != &own_tags_) {
      constexpr uint8_t kBit = SharedGroupBit(kGroup);
      return (spec_.shared_groups & kBit) != 0;
    }
    // Before Registry::Finalize.
    return std::find(spec_.groups.begin(), spec_.groups.end(), kGroup) != spec_.groups.end();
  }

  // False when an error was reported.
  bool ResolveSharedArguments() {
    const Registry& registry = context_.registry();
    if (Accepts<kMatchTypeGroup>()) {
      call_.match_type = registry.DefaultMatchType();
      if (const TagArgument* tag = TagOfGroup(kMatchTypeGroup)) {
        call_.match_type = registry.FindMatchType(tag->spec);
        if (call_.match_type->relational && tag->param) {
          const std::string op = AsciiLower(tag->param->str());
          if (std::find(std::begin(kRelationalOps), std::end(kRelationalOps), op) ==
              std::end(kRelationalOps)) {
            context_.Report(diag::kInvalidValue, tag->param->span,
                            fmt::format("'{}' is not a relational operator; use \"gt\", \"ge\", "
                                        "\"lt\", \"le\", \"eq\" or \"ne\"",
                                        tag->param->str()));
            return false;
          }
          call_.relational_op = op;
        }
      }
    }
    if (Accepts<kComparatorGroup>()) {
      call_.comparator = registry.DefaultComparator();
      if (const TagArgument* tag = TagOfGroup(kComparatorGroup)) {
        if (!ResolveComparator(*tag)) return false;
      }
    }
    if (Accepts<kAddressPartGroup>()) {
      call_.address_part = registry.DefaultAddressPart();
      if (const TagArgument* tag = TagOfGroup(kAddressPartGroup)) {
        call_.address_part = registry.FindAddressPart(tag->spec);
      }
    }
    if (call_.match_type != nullptr && call_.comparator != nullptr) {
      const ComparatorSpec& c = *call_.comparator;
      const ComparatorNeed need = call_.match_type->needs;
      const bool ok = need == ComparatorNeed::kEquality    ? c.equality
                      : need == ComparatorNeed::kSubstring ? c.substring
                                                           : c.ordering;
      if (!ok) {
        const TagArgument* tag = TagOfGroup(kMatchTypeGroup);
        context_.Report(diag::kComparatorMatchType, tag ? tag->span : call_.name_span, c.name,
                        ":" + call_.match_type->tag->name);
        return false;
      }
      if (call_.match_type->validate) call_.match_type->validate(context_, call_);
    }
    return true;
  }

  bool ResolveComparator(const TagArgument& tag) {
    const std::string& name = tag.param->str();
    const ComparatorSpec* comparator = context_.registry().FindComparator(name);
    if (comparator == nullptr) {
      Diagnostic& d = context_.Report(diag::kUnknownComparator, tag.param->span, name);
      std::vector<std::string_view> known;
      for (std::string_view candidate :
           {"i;octet", "i;ascii-casemap", "i;ascii-numeric", "i;unicode-casemap"}) {
        if (context_.registry().FindComparator(candidate) != nullptr) known.push_back(candidate);
      }
      if (auto best = SuggestClosest(name, known)) {
        d.Note(fmt::format("did you mean '{}'?", *best));
      }
      return false;
    }
    if (comparator->extension != nullptr && !context_.IsEnabled(comparator->extension)) {
      ReportMissingRequire(context_, tag.param->span, "comparator", comparator->name,
                           *comparator->extension);
      return false;
    }
    call_.comparator = comparator;
    return true;
  }

  ValidationContext& context_;
  const CallSpec& spec_;
  std::string_view name_;
  std::string_view kind_;
  const std::vector<const TagSpec*>* tags_;  // the registry's list, or own_tags_
  std::vector<const TagSpec*> own_tags_;     // before Registry::Finalize only
  SeenGroups seen_groups_;
  size_t skipped_optional_ = 0;  // leading optional positional arguments left out
  bool silent_failure_ = false;
  Call& call_;
};

}  // namespace

std::string_view KindName(CallKind kind) { return kind == CallKind::kTest ? "test" : "command"; }

void ReportMissingRequire(ValidationContext& context, Span span, std::string_view what,
                          std::string_view name, const ExtensionSpec& extension) {
  context.Report(diag::kMissingRequire, span, what, name, extension.name)
      .Note(fmt::format("add 'require \"{}\";' at the top of the script", extension.name));
}

Call ValidateCall(ValidationContext& context, const CallSpec& spec, std::string_view written_name,
                  Span span, Span name_span, const std::vector<syntax::Argument>& arguments,
                  bool* ok) {
  Call call;
  ValidateCallInto(context, spec, written_name, span, name_span, arguments, &call, ok);
  return call;
}

void ValidateCallInto(ValidationContext& context, const CallSpec& spec,
                      std::string_view written_name, Span span, Span name_span,
                      const std::vector<syntax::Argument>& arguments, Call* call, bool* ok) {
  const uint32_t errors_before = context.diagnostics().error_count();
  CallMatcher matcher(context, spec, written_name, span, name_span, *call);
  matcher.Run(arguments);
  if (ok != nullptr) {
    *ok = context.diagnostics().error_count() == errors_before && !matcher.silent_failure();
  }
}

}  // namespace sievekit::ir
