// Tests for ir/registry: declaring commands, tests, tags, comparators, match
// types and address parts through ExtensionBuilder; duplicate declarations
// (programming errors, so they throw); tags that one extension adds to
// another's call; shared tag groups; case-insensitive lookups; and the
// RFC 5228 defaults (:is, i;ascii-casemap, :all).
//
// Most tests build small registries of their own so that they exercise the
// registry alone; the last ones check the core registration through it.
#include "ir/registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "extensions/core/core.h"

namespace sievekit::ir {
namespace {

std::vector<std::string> Names(const std::vector<const TagSpec*>& tags) {
  std::vector<std::string> out;
  for (const TagSpec* t : tags) out.push_back(t->name);
  return out;
}

std::vector<std::string> Strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

TEST(RegistryTest, ArgTypeNamesReadAsMessageFragments) {
  EXPECT_EQ(ArgTypeName(ArgType::kString), "a string");
  EXPECT_EQ(ArgTypeName(ArgType::kStringList), "a string list");
  EXPECT_EQ(ArgTypeName(ArgType::kNumber), "a number");
}

TEST(RegistryTest, AsciiLowerOnlyTouchesAsciiLetters) {
  EXPECT_EQ(AsciiLower("FileInto"), "fileinto");
  EXPECT_EQ(AsciiLower("I;ASCII-CaseMap"), "i;ascii-casemap");
  EXPECT_EQ(AsciiLower(""), "");
  // Non-ASCII bytes (here the UTF-8 of 'Ä') are left alone.
  EXPECT_EQ(AsciiLower("\xC3\x84X"), "\xC3\x84x");
}

TEST(RegistryTest, EqualsAsciiLowerComparesWithoutCopying) {
  const struct {
    std::string_view lower;
    std::string_view text;
    bool equal;
  } cases[] = {
      {"fileinto", "fileinto", true},
      {"fileinto", "FileInto", true},
      {"fileinto", "FILEINTO", true},
      {"fileinto", "fileint", false},
      {"fileinto", "fileintoo", false},
      {"", "", true},
      {"a-b", "A-B", true},
      {"\xC3\xA4x", "\xC3\xA4X", true},   // non-ASCII kept
      {"\xC3\xA4x", "\xC3\x84x", false},  // and not folded
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EqualsAsciiLower(c.lower, c.text), c.equal) << c.lower << " / " << c.text;
  }
}

TEST(RegistryTest, AsciiLoweredMatchesAsciiLower) {
  const std::string long_mixed = "A" + std::string(40, 'b') + "C";
  for (const std::string& text :
       std::vector<std::string>{"", "keep", "Keep", "KEEP", "x-Y_z", "\xC3\x84X",
                                std::string(32, 'Q'), std::string(40, 'q'), long_mixed}) {
    const AsciiLowered lowered(text);
    EXPECT_EQ(lowered.view(), AsciiLower(text)) << text;
  }
  // Text already in lower case is its own lowered form: no copy is made.
  const std::string lower = "fileinto";
  EXPECT_EQ(AsciiLowered(lower).view().data(), lower.data());
}

TEST(RegistryTest, SharedGroupBits) {
  EXPECT_EQ(SharedGroupBit(kComparatorGroup), 1);
  EXPECT_EQ(SharedGroupBit(kMatchTypeGroup), 2);
  EXPECT_EQ(SharedGroupBit(kAddressPartGroup), 4);
  EXPECT_EQ(SharedGroupBit("size-relation"), 0);
  EXPECT_EQ(SharedGroupBit(""), 0);
}

// Finalize builds indexes and caches (call lookups, accepted tags, shared
// groups, defaults); lookups before it must give the same answers, and a
// later Register must not leave stale ones behind.
TEST(RegistryTest, LookupsAgreeBeforeAndAfterFinalize) {
  Registry registry;
  auto declare = [](ExtensionBuilder& b) {
    CallSpec& header = b.Test("header");
    header.groups = {std::string(kComparatorGroup), std::string(kMatchTypeGroup)};
    b.Command("keep");
    b.Tag("header", "index", ArgType::kNumber);
    b.MatchType("is", ComparatorNeed::kEquality);
    b.Comparator("i;ascii-casemap", true, true, true);
    b.AddressPart("all");
  };
  registry.Register({}, declare);
  const CallSpec* header = registry.FindTest("HEADER");
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(registry.FinalizedTagsOf(*header), nullptr);
  const std::vector<const TagSpec*> before = registry.TagsOf(*header);
  const MatchTypeSpec* is_before = registry.DefaultMatchType();
  registry.Finalize();

  for (std::string_view name : {"keep", "Keep", "KEEP", "nothing", "", "keep2"}) {
    EXPECT_EQ(registry.FindCommand(name) != nullptr,
              name == "keep" || name == "Keep" || name == "KEEP")
        << name;
  }
  EXPECT_EQ(registry.FindTest("Header"), header);
  EXPECT_EQ(registry.FindTest("keep"), nullptr);
  // Before Finalize the call has only the group tags; :index is linked then.
  EXPECT_EQ(Names(before), (std::vector<std::string>{"comparator", "is"}));
  ASSERT_NE(registry.FinalizedTagsOf(*header), nullptr);
  const std::vector<const TagSpec*> after = *registry.FinalizedTagsOf(*header);
  EXPECT_EQ(Names(after), (std::vector<std::string>{"index", "comparator", "is"}));
  EXPECT_EQ(registry.TagsOf(*header), after);
  EXPECT_EQ(header->shared_groups,
            SharedGroupBit(kComparatorGroup) | SharedGroupBit(kMatchTypeGroup));
  EXPECT_EQ(registry.DefaultMatchType(), is_before);
  EXPECT_EQ(registry.DefaultComparator(), registry.FindComparator("i;ascii-casemap"));
  EXPECT_EQ(registry.DefaultAddressPart(), registry.FindAddressPart("all"));
  EXPECT_EQ(registry.FindTag(*header, "INDEX"), after[0]);
  EXPECT_EQ(registry.FindTag(*header, "Is"), after[2]);
  EXPECT_EQ(registry.FindTag(*header, "over"), nullptr);

  // Registering more drops the finalized caches until the next Finalize.
  registry.Register({"x-more", false, false}, [](ExtensionBuilder& b) { b.Command("frob"); });
  EXPECT_EQ(registry.FinalizedTagsOf(*header), nullptr);
  EXPECT_NE(registry.FindCommand("FROB"), nullptr);
  registry.Finalize();
  EXPECT_NE(registry.FindCommand("frob"), nullptr);
  EXPECT_NE(registry.FindCommand("keep"), nullptr);
}

TEST(RegistryTest, DeclaresCommandsAndTestsInSeparateNamespaces) {
  Registry registry;
  const ExtensionSpec* extension = nullptr;
  registry.Register({"x-demo", false, false}, [&](ExtensionBuilder& b) {
    extension = b.extension();
    CallSpec& command = b.Command("Frob");
    command.positional = {{"target", ArgType::kString}};
    b.Test("frob");  // a test may share a command's name
  });
  registry.Finalize();

  ASSERT_NE(extension, nullptr);
  EXPECT_EQ(extension->name, "x-demo");
  EXPECT_EQ(registry.FindExtension("x-demo"), extension);

  const CallSpec* command = registry.FindCommand("frob");
  ASSERT_NE(command, nullptr);
  EXPECT_EQ(command->name, "frob");  // stored lower case
  EXPECT_EQ(command->kind, CallKind::kCommand);
  EXPECT_EQ(command->extension, extension);
  ASSERT_EQ(command->positional.size(), 1u);
  EXPECT_EQ(command->positional[0].name, "target");

  const CallSpec* test = registry.FindTest("frob");
  ASSERT_NE(test, nullptr);
  EXPECT_NE(test, command);
  EXPECT_EQ(test->kind, CallKind::kTest);

  EXPECT_EQ(registry.FindCommand("nothing"), nullptr);
  EXPECT_EQ(registry.FindTest("nothing"), nullptr);
}

TEST(RegistryTest, CallLookupsAreCaseInsensitive) {
  Registry registry;
  registry.Register({}, [](ExtensionBuilder& b) {
    b.Command("keep");
    b.Test("exists");
  });
  registry.Finalize();
  for (const char* name : {"keep", "KEEP", "Keep", "kEeP"}) {
    EXPECT_NE(registry.FindCommand(name), nullptr) << name;
  }
  for (const char* name : {"exists", "EXISTS", "Exists"}) {
    EXPECT_NE(registry.FindTest(name), nullptr) << name;
  }
}

TEST(RegistryTest, ExtensionNamesAreCaseSensitive) {
  // RFC 5228 section 6: "Capability string are case-sensitive; for example,
  // "foo" and "FOO" are different capabilities."
  Registry registry;
  registry.Register({"fileinto", false, false}, [](ExtensionBuilder&) {});
  registry.Finalize();
  EXPECT_NE(registry.FindExtension("fileinto"), nullptr);
  EXPECT_EQ(registry.FindExtension("FileInto"), nullptr);
  EXPECT_EQ(registry.FindExtension("FILEINTO"), nullptr);
}

TEST(RegistryTest, BaseLanguageHasNoExtension) {
  Registry registry;
  const ExtensionSpec* seen = reinterpret_cast<const ExtensionSpec*>(1);
  registry.Register({}, [&](ExtensionBuilder& b) {
    seen = b.extension();
    b.Command("keep");
  });
  registry.Finalize();
  EXPECT_EQ(seen, nullptr);
  EXPECT_EQ(registry.FindCommand("keep")->extension, nullptr);
  EXPECT_TRUE(registry.ExtensionNames().empty());
  EXPECT_EQ(registry.FindExtension(""), nullptr);
}

TEST(RegistryTest, ExtensionFlagsAreKept) {
  Registry registry;
  registry.Register({"comparator-i;octet", /*always_enabled=*/true, false},
                    [](ExtensionBuilder&) {});
  registry.Register({"vnd.dovecot.testsuite", false, /*testsuite_only=*/true},
                    [](ExtensionBuilder&) {});
  registry.Finalize();
  EXPECT_TRUE(registry.FindExtension("comparator-i;octet")->always_enabled);
  EXPECT_FALSE(registry.FindExtension("comparator-i;octet")->testsuite_only);
  EXPECT_TRUE(registry.FindExtension("vnd.dovecot.testsuite")->testsuite_only);
  EXPECT_FALSE(registry.FindExtension("vnd.dovecot.testsuite")->always_enabled);
}

// Each registration mistake, made by a second extension after a first one
// declared the same item.
struct DuplicateCase {
  std::string_view name;
  std::function<void(ExtensionBuilder&)> first;
  std::function<void(ExtensionBuilder&)> second;
  std::string_view second_extension;
};

TEST(RegistryTest, DuplicateDeclarationsThrow) {
  const DuplicateCase cases[] = {
      {"command", [](ExtensionBuilder& b) { b.Command("frob"); },
       [](ExtensionBuilder& b) { b.Command("FROB"); }, "b"},
      {"test", [](ExtensionBuilder& b) { b.Test("frob"); },
       [](ExtensionBuilder& b) { b.Test("frob"); }, "b"},
      {"comparator", [](ExtensionBuilder& b) { b.Comparator("i;frob", true, true, true); },
       [](ExtensionBuilder& b) { b.Comparator("I;FROB", true, false, false); }, "b"},
      {"extension name", [](ExtensionBuilder&) {}, [](ExtensionBuilder&) {}, "a"},
  };
  for (const DuplicateCase& c : cases) {
    Registry registry;
    registry.Register({"a", false, false}, c.first);
    EXPECT_THROW(registry.Register({std::string(c.second_extension), false, false}, c.second),
                 std::logic_error)
        << c.name;
  }
}

TEST(RegistryTest, DuplicateErrorsNameTheItem) {
  Registry registry;
  registry.Register({"a", false, false}, [](ExtensionBuilder& b) { b.Command("frob"); });
  try {
    registry.Register({"b", false, false}, [](ExtensionBuilder& b) { b.Command("frob"); });
    FAIL() << "no exception";
  } catch (const std::logic_error& e) {
    EXPECT_EQ(std::string(e.what()), "sievekit registry: command 'frob' declared twice");
  }
}

// Two extensions declaring the same match type or address part make the
// tag ambiguous in every test of the group; like a duplicate command, it is
// a programming error the registry should refuse.
TEST(RegistryTest, DuplicateMatchTypesAndAddressPartsThrow) {
  {
    Registry registry;
    registry.Register({"a", false, false}, [](ExtensionBuilder& b) {
      b.MatchType("regex", ComparatorNeed::kSubstring);
    });
    EXPECT_THROW(registry.Register(
                     {"b", false, false},
                     [](ExtensionBuilder& b) { b.MatchType("regex", ComparatorNeed::kSubstring); }),
                 std::logic_error);
  }
  {
    Registry registry;
    registry.Register({"a", false, false}, [](ExtensionBuilder& b) { b.AddressPart("user"); });
    EXPECT_THROW(
        registry.Register({"b", false, false}, [](ExtensionBuilder& b) { b.AddressPart("user"); }),
        std::logic_error);
  }
}

TEST(RegistryTest, TagsAreLinkedToCallsAtFinalize) {
  Registry registry;
  // The tag is declared before the call it belongs to exists (extension
  // order must not matter), by another extension.
  const TagSpec* copy = nullptr;
  const ExtensionSpec* copy_extension = nullptr;
  registry.Register({"copy", false, false}, [&](ExtensionBuilder& b) {
    copy_extension = b.extension();
    copy = &b.Tag("FileInto", "Copy");
  });
  registry.Register({"fileinto", false, false}, [](ExtensionBuilder& b) { b.Command("fileinto"); });
  EXPECT_TRUE(registry.FindCommand("fileinto")->tags.empty());
  registry.Finalize();

  const CallSpec* fileinto = registry.FindCommand("fileinto");
  ASSERT_EQ(fileinto->tags.size(), 1u);
  EXPECT_EQ(fileinto->tags[0], copy);
  EXPECT_EQ(copy->name, "copy");
  EXPECT_EQ(copy->extension, copy_extension);
  EXPECT_FALSE(copy->param.has_value());
  EXPECT_TRUE(copy->group.empty());
}

TEST(RegistryTest, TagsCanBeAddedToTests) {
  Registry registry;
  registry.Register({}, [](ExtensionBuilder& b) {
    b.Test("size");
    b.Tag("size", "over", std::nullopt, {}, "size-relation");
    b.Tag("size", "under", std::nullopt, {}, "size-relation");
  });
  registry.Finalize();
  const CallSpec* size = registry.FindTest("size");
  EXPECT_EQ(Names(size->tags), (std::vector<std::string>{"over", "under"}));
  EXPECT_EQ(size->tags[0]->group, "size-relation");
  EXPECT_EQ(size->tags[0]->extension, nullptr);
}

TEST(RegistryTest, TagWithParameter) {
  Registry registry;
  const TagSpec* days = nullptr;
  registry.Register({"vacation", false, false}, [&](ExtensionBuilder& b) {
    b.Command("vacation");
    days = &b.Tag("vacation", "days", ArgType::kNumber, "a number of days");
  });
  registry.Finalize();
  ASSERT_TRUE(days->param.has_value());
  EXPECT_EQ(*days->param, ArgType::kNumber);
  EXPECT_EQ(days->param_description, "a number of days");
}

TEST(RegistryTest, TagForUnknownCallThrowsAtFinalize) {
  Registry registry;
  registry.Register({"copy", false, false}, [](ExtensionBuilder& b) { b.Tag("fileinto", "copy"); });
  try {
    registry.Finalize();
    FAIL() << "no exception";
  } catch (const std::logic_error& e) {
    EXPECT_EQ(std::string(e.what()), "sievekit registry: tag ':copy' added to unknown 'fileinto'");
  }
}

TEST(RegistryTest, GroupTagsBelongOnlyToCallsThatAcceptTheGroup) {
  Registry registry;
  registry.Register({}, [](ExtensionBuilder& b) {
    CallSpec& header = b.Test("header");
    header.groups = {std::string(kComparatorGroup), std::string(kMatchTypeGroup)};
    CallSpec& address = b.Test("address");
    address.groups = {std::string(kComparatorGroup), std::string(kAddressPartGroup),
                      std::string(kMatchTypeGroup)};
    b.Test("exists");
    b.MatchType("is", ComparatorNeed::kEquality);
    b.MatchType("contains", ComparatorNeed::kSubstring);
    b.AddressPart("all");
    b.AddressPart("domain");
  });
  registry.Finalize();
  // The order is the call's own tags, then group members in declaration
  // order; ":comparator" comes from the registry itself.
  EXPECT_EQ(Names(registry.TagsOf(*registry.FindTest("header"))),
            (std::vector<std::string>{"comparator", "is", "contains"}));
  EXPECT_EQ(Names(registry.TagsOf(*registry.FindTest("address"))),
            (std::vector<std::string>{"comparator", "is", "contains", "all", "domain"}));
  EXPECT_TRUE(registry.TagsOf(*registry.FindTest("exists")).empty());
}

TEST(RegistryTest, ComparatorTagIsBuiltIn) {
  Registry registry;
  registry.Register(
      {}, [](ExtensionBuilder& b) { b.Test("header").groups = {std::string(kComparatorGroup)}; });
  registry.Finalize();
  const std::vector<const TagSpec*> tags = registry.TagsOf(*registry.FindTest("header"));
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0]->name, "comparator");
  EXPECT_EQ(tags[0]->group, kComparatorGroup);
  ASSERT_TRUE(tags[0]->param.has_value());
  EXPECT_EQ(*tags[0]->param, ArgType::kString);
  EXPECT_EQ(tags[0]->param_description, "a comparator name");
  EXPECT_EQ(tags[0]->extension, nullptr);
}

TEST(RegistryTest, GroupMembersAddedByOtherExtensions) {
  Registry registry;
  registry.Register({}, [](ExtensionBuilder& b) {
    b.Test("header").groups = {std::string(kMatchTypeGroup)};
    b.MatchType("is", ComparatorNeed::kEquality);
  });
  const ExtensionSpec* regex_extension = nullptr;
  registry.Register({"regex", false, false}, [&](ExtensionBuilder& b) {
    regex_extension = b.extension();
    b.MatchType("regex", ComparatorNeed::kSubstring);
  });
  registry.Finalize();
  const std::vector<const TagSpec*> tags = registry.TagsOf(*registry.FindTest("header"));
  ASSERT_EQ(Names(tags), (std::vector<std::string>{"is", "regex"}));
  EXPECT_EQ(tags[1]->extension, regex_extension);
  EXPECT_EQ(tags[1]->group, kMatchTypeGroup);
}

TEST(RegistryTest, MatchTypesAndAddressPartsAreFoundByTheirTags) {
  Registry registry;
  const MatchTypeSpec* contains = nullptr;
  const MatchTypeSpec* value = nullptr;
  const AddressPartSpec* domain = nullptr;
  registry.Register({}, [&](ExtensionBuilder& b) {
    b.Test("address").groups = {std::string(kMatchTypeGroup), std::string(kAddressPartGroup)};
    contains = &b.MatchType("Contains", ComparatorNeed::kSubstring);
    value = &b.MatchType("value", ComparatorNeed::kOrdering, /*relational=*/true);
    domain = &b.AddressPart("DOMAIN");
  });
  registry.Finalize();
  EXPECT_EQ(contains->tag->name, "contains");
  EXPECT_EQ(contains->needs, ComparatorNeed::kSubstring);
  EXPECT_FALSE(contains->relational);
  EXPECT_FALSE(contains->tag->param.has_value());
  EXPECT_EQ(registry.FindMatchType(contains->tag), contains);

  // A relational match type takes the operator as the tag's parameter.
  EXPECT_TRUE(value->relational);
  ASSERT_TRUE(value->tag->param.has_value());
  EXPECT_EQ(*value->tag->param, ArgType::kString);
  EXPECT_EQ(value->tag->param_description, "a relational operator");
  EXPECT_EQ(registry.FindMatchType(value->tag), value);

  EXPECT_EQ(domain->tag->name, "domain");
  EXPECT_EQ(domain->tag->group, kAddressPartGroup);
  EXPECT_EQ(registry.FindAddressPart(domain->tag), domain);

  // A tag of the other kind is neither.
  EXPECT_EQ(registry.FindMatchType(domain->tag), nullptr);
  EXPECT_EQ(registry.FindAddressPart(contains->tag), nullptr);
}

TEST(RegistryTest, ComparatorsAreFoundCaseInsensitively) {
  Registry registry;
  const ComparatorSpec* numeric = nullptr;
  registry.Register({"comparator-i;ascii-numeric", false, false}, [&](ExtensionBuilder& b) {
    numeric = &b.Comparator("i;ascii-numeric", true, false, true);
  });
  registry.Finalize();
  EXPECT_EQ(registry.FindComparator("i;ascii-numeric"), numeric);
  EXPECT_EQ(registry.FindComparator("I;ASCII-NUMERIC"), numeric);
  EXPECT_EQ(registry.FindComparator("i;octet"), nullptr);
  EXPECT_TRUE(numeric->equality);
  EXPECT_FALSE(numeric->substring);
  EXPECT_TRUE(numeric->ordering);
  EXPECT_EQ(numeric->extension, registry.FindExtension("comparator-i;ascii-numeric"));
}

TEST(RegistryTest, EnvelopePartsAreCaseInsensitive) {
  Registry registry;
  registry.Register({}, [](ExtensionBuilder& b) {
    b.EnvelopePart("From");
    b.EnvelopePart("to");
  });
  registry.Finalize();
  EXPECT_TRUE(registry.IsEnvelopePart("from"));
  EXPECT_TRUE(registry.IsEnvelopePart("FROM"));
  EXPECT_TRUE(registry.IsEnvelopePart("To"));
  EXPECT_FALSE(registry.IsEnvelopePart("auth"));
  EXPECT_FALSE(registry.IsEnvelopePart(""));
}

TEST(RegistryTest, StringTransformsRememberTheirExtension) {
  Registry registry;
  const ExtensionSpec* extension = nullptr;
  registry.Register({"encoded-character", false, false}, [&](ExtensionBuilder& b) {
    extension = b.extension();
    b.TransformStrings([](ValidationContext&, StringValue&) {});
  });
  registry.Finalize();
  ASSERT_EQ(registry.string_transforms().size(), 1u);
  EXPECT_EQ(registry.string_transforms()[0].extension, extension);
  EXPECT_TRUE(static_cast<bool>(registry.string_transforms()[0].transform));
}

TEST(RegistryTest, NameListsAreSorted) {
  Registry registry;
  registry.Register({"zeta", false, false}, [](ExtensionBuilder& b) {
    b.Command("zap");
    b.Test("zoom");
  });
  registry.Register({"alpha", false, false}, [](ExtensionBuilder& b) {
    b.Command("Apply");
    b.Test("any");
  });
  registry.Finalize();
  EXPECT_EQ(Strings(registry.ExtensionNames()), (std::vector<std::string>{"alpha", "zeta"}));
  EXPECT_EQ(Strings(registry.CommandNames()), (std::vector<std::string>{"apply", "zap"}));
  EXPECT_EQ(Strings(registry.TestNames()), (std::vector<std::string>{"any", "zoom"}));
}

TEST(RegistryTest, DefaultsAreAbsentWithoutTheBaseLanguage) {
  Registry registry;
  registry.Finalize();
  EXPECT_EQ(registry.DefaultMatchType(), nullptr);
  EXPECT_EQ(registry.DefaultComparator(), nullptr);
  EXPECT_EQ(registry.DefaultAddressPart(), nullptr);
}

TEST(RegistryTest, CoreDefaultsFollowRfc5228) {
  Registry registry;
  extensions::RegisterCore(registry);
  registry.Finalize();
  // RFC 5228 section 2.7.1: ":is" when no match type is given; 2.7.3:
  // "i;ascii-casemap" when no comparator is; 2.7.4: ":all" when no address
  // part is.
  ASSERT_NE(registry.DefaultMatchType(), nullptr);
  EXPECT_EQ(registry.DefaultMatchType()->tag->name, "is");
  EXPECT_EQ(registry.DefaultMatchType()->needs, ComparatorNeed::kEquality);
  ASSERT_NE(registry.DefaultComparator(), nullptr);
  EXPECT_EQ(registry.DefaultComparator()->name, "i;ascii-casemap");
  ASSERT_NE(registry.DefaultAddressPart(), nullptr);
  EXPECT_EQ(registry.DefaultAddressPart()->tag->name, "all");
}

}  // namespace
}  // namespace sievekit::ir
