// VacationArguments: what a vacation action record (vm::Action of type
// "vacation") carries, and the one place that maps it to and from the
// record's fields — the contract between the vacation extension, which
// fills records at evaluation time, and the vacation helper (vacation.h),
// which carries them out. Data and mapping only.
//
// The record: `reason` holds the reason (the :mime entity when `mime`), the
// params hold "days" or "seconds" (as written: the helper applies the
// site's minimum and maximum), "subject", "from", "addresses", "mime",
// "handle" when the script gave them, and always "response": the identity
// of the response for the rate limit (RFC 5230 §4.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/action.h"

namespace sievekit::delivery {

inline constexpr std::string_view kVacationType = "vacation";

struct VacationArguments {
  std::optional<int64_t> days;     // :days
  std::optional<int64_t> seconds;  // :seconds (RFC 6131)
  std::optional<std::string> subject;
  // :from as written (a valid RFC 5322 mailbox, checked by the extension)
  // and its addr-spec.
  std::optional<std::string> from;
  std::string from_address;
  std::vector<std::string> addresses;  // :addresses, as addr-specs
  bool mime = false;
  std::optional<std::string> handle;
  // Which response this is for the rate limit: "handle:" + the handle, or
  // "args:" + a digest of the unexpanded :subject, :from, :mime and reason
  // (RFC 5230 §4.2: "the arguments MUST NOT have undergone variable
  // expansion prior to their use in response tracking").
  std::string response;
  std::string reason;

  static VacationArguments FromAction(const vm::Action& action);
  // Fills `action`'s reason and params (the record's other fields stay).
  void ToAction(vm::Action& action) const;
};

// The response identity of a vacation without :handle, from its arguments
// as written in the script (before variable expansion). Arguments that are
// absent and arguments that are empty give different identities.
std::string SynthesizedResponse(const std::optional<std::string>& subject,
                                const std::optional<std::string>& from, bool mime,
                                std::string_view reason);

}  // namespace sievekit::delivery
