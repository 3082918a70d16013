// Registration of the RFC 5228 base language (sections 2.7, 4, 5).
#include "extensions/core/core.h"

#include "common/diagnostic_catalogue.h"
#include "extensions/core/core_actions.h"
#include "extensions/core/core_tests.h"
#include "extensions/core/header_names.h"
#include "extensions/core/outgoing_address.h"
#include "extensions/core/string_checks.h"
#include "ir/ir.h"
#include "ir/validation_context.h"

namespace sievekit::extensions {
namespace {

using ir::ArgType;
using ir::ComparatorNeed;

void ValidateRedirect(ir::ValidationContext& context, ir::Call& call) {
  const ir::StringValue& address = call.positional[0].strings[0];
  if (IsRuntimeString(context, address.text)) return;
  std::string why;
  if (!ParseOutgoingAddress(address.text, &why)) {
    context.Report(diag::kInvalidAddress, address.span, address.text, why);
  }
}

void ValidateAddressHeaders(ir::ValidationContext& context, ir::Call& call) {
  for (const ir::StringValue& header : call.positional[0].strings) {
    if (IsRuntimeString(context, header.text)) continue;
    // RFC 5228 §2.4.2.2: a syntactically invalid name is no error; it just
    // never matches. Only valid names of headers without addresses are.
    if (IsValidHeaderName(header.text) && !IsAddressHeader(header.text)) {
      context.Report(diag::kNotAnAddressHeader, header.span, header.text);
      return;  // one error per test
    }
  }
}

void RegisterBase(ir::ExtensionBuilder& b) {
  b.Command("keep").runtime = &kKeepRuntime;
  b.Command("discard").runtime = &kDiscardRuntime;
  ir::CallSpec& redirect = b.Command("redirect");
  redirect.positional = {{"address", ArgType::kString}};
  redirect.validate = ValidateRedirect;
  redirect.runtime = &kRedirectRuntime;

  ir::CallSpec& header = b.Test("header");
  header.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
  header.positional = {{"header names", ArgType::kStringList}, {"key list", ArgType::kStringList}};
  header.runtime = &kHeaderRuntime;

  ir::CallSpec& address = b.Test("address");
  address.groups = {std::string(ir::kComparatorGroup), std::string(ir::kAddressPartGroup),
                    std::string(ir::kMatchTypeGroup)};
  address.positional = {{"header list", ArgType::kStringList}, {"key list", ArgType::kStringList}};
  address.validate = ValidateAddressHeaders;
  address.runtime = &kAddressRuntime;

  ir::CallSpec& exists = b.Test("exists");
  exists.positional = {{"header names", ArgType::kStringList}};
  exists.runtime = &kExistsRuntime;

  ir::CallSpec& size = b.Test("size");
  size.positional = {{"limit", ArgType::kNumber}};
  size.required_groups = {"size-relation"};
  size.runtime = &kSizeRuntime;
  b.Tag("size", "over", std::nullopt, {}, "size-relation");
  b.Tag("size", "under", std::nullopt, {}, "size-relation");

  b.MatchType("is", ComparatorNeed::kEquality);
  b.MatchType("contains", ComparatorNeed::kSubstring);
  b.MatchType("matches", ComparatorNeed::kSubstring);
  b.AddressPart("all", &kAllPartRuntime);
  b.AddressPart("localpart", &kLocalPartRuntime);
  b.AddressPart("domain", &kDomainPartRuntime);
}

}  // namespace

void RegisterCore(ir::Registry& registry) {
  registry.Register({}, RegisterBase);
  // RFC 5228 §2.7.3: both comparators are always available; requiring them
  // is allowed and changes nothing.
  registry.Register({"comparator-i;octet", /*always_enabled=*/true, false},
                    [](ir::ExtensionBuilder& b) { b.Comparator("i;octet", true, true, true); });
  registry.Register({"comparator-i;ascii-casemap", /*always_enabled=*/true, false},
                    [](ir::ExtensionBuilder& b) {
                      b.Comparator("i;ascii-casemap", true, true, true);
                    });
}

}  // namespace sievekit::extensions
