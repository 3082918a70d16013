// Registration and run time of the subaddress extension (RFC 5233 §4).
//
// The mail system decides how a detail is encoded; sievekit supports the
// "user SEPARATOR detail" form with the separator characters the host sets
// in vm::EvalOptions::subaddress_separators ("+" by default; any one of
// them separates). When separators occur more than once the split is at the
// first one (RFC 5233 leaves this to the implementation), so the detail may
// itself contain separators.
// Like :localpart and :domain, both parts match nothing on an
// address that is not syntactically valid (RFC 5228 §2.4.2.3; RFC 5233 §4:
// "subject to the same rules and restrictions").
#include "extensions/subaddress/subaddress.h"

#include "mail/address.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"

namespace sievekit::extensions {
namespace {

// ":user": the user sub-part, or the whole local part when there is no
// detail (§4: "equivalent to :localpart").
bool ExtractUser(const vm::EvalContext& ctx, const mail::Address& address, std::string_view* part) {
  if (!address.valid) return false;
  *part = SplitSubaddress(address.local_part, ctx.options().subaddress_separators).user;
  return true;
}

// ":detail": the detail sub-part; an address without one "fails to match
// any of the specified keys" (§4) — even "" and "*" — while an empty detail
// ("ken+@example.com") is the empty value and matches "".
bool ExtractDetail(const vm::EvalContext& ctx, const mail::Address& address,
                   std::string_view* part) {
  if (!address.valid) return false;
  const Subaddress split = SplitSubaddress(address.local_part, ctx.options().subaddress_separators);
  if (!split.detail) return false;
  *part = *split.detail;
  return true;
}

const vm::AddressPartRuntime kUserRuntime{ExtractUser};
const vm::AddressPartRuntime kDetailRuntime{ExtractDetail};

}  // namespace

Subaddress SplitSubaddress(std::string_view local_part, std::string_view separators) {
  const size_t at =
      separators.empty() ? std::string_view::npos : local_part.find_first_of(separators);
  if (at == std::string_view::npos) return {local_part, std::nullopt};
  return {local_part.substr(0, at), local_part.substr(at + 1)};
}

void RegisterSubaddress(ir::Registry& registry) {
  registry.Register({"subaddress", false, false}, [](ir::ExtensionBuilder& b) {
    b.AddressPart("user", &kUserRuntime);
    b.AddressPart("detail", &kDetailRuntime);
  });
}

}  // namespace sievekit::extensions
