// Run-time implementations of the RFC 5228 tests — header, address, exists,
// size — and of the :all, :localpart and :domain address parts.
#pragma once

#include <string_view>

#include "mail/address.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"

namespace sievekit::extensions {

extern const vm::CallRuntime kHeaderRuntime;
extern const vm::CallRuntime kAddressRuntime;
extern const vm::CallRuntime kExistsRuntime;
extern const vm::CallRuntime kSizeRuntime;
extern const vm::AddressPartRuntime kAllPartRuntime;
extern const vm::AddressPartRuntime kLocalPartRuntime;
extern const vm::AddressPartRuntime kDomainPartRuntime;

// The part of `address` the call's address part selects, matched against
// `keys`; false when the address has no such part. Shared by address and
// envelope (and later tests that compare addresses).
bool MatchAddress(vm::EvalContext& ctx, const vm::AddressPartRuntime& part,
                  const vm::KeyMatcher& keys, const mail::Address& address);

// The address part runtime of a validated call (":all" when none given).
const vm::AddressPartRuntime& AddressPartOf(const ir::Call& call);

}  // namespace sievekit::extensions
