// Mapping between VacationArguments and vacation action records (see
// vacation_action.h).
#include "delivery/vacation_action.h"

#include "store/response_key.h"

namespace sievekit::delivery {
namespace {

constexpr std::string_view kDays = "days";
constexpr std::string_view kSeconds = "seconds";
constexpr std::string_view kSubject = "subject";
constexpr std::string_view kFrom = "from";
constexpr std::string_view kFromAddress = "from_address";
constexpr std::string_view kAddresses = "addresses";
constexpr std::string_view kMime = "mime";
constexpr std::string_view kHandle = "handle";
constexpr std::string_view kResponse = "response";

template <typename T>
const T* ParamOf(const vm::Action& action, std::string_view name) {
  const vm::ActionParam* p = action.Param(name);
  return p == nullptr ? nullptr : std::get_if<T>(&p->value);
}

}  // namespace

VacationArguments VacationArguments::FromAction(const vm::Action& action) {
  VacationArguments args;
  if (const auto* n = ParamOf<int64_t>(action, kDays)) args.days = *n;
  if (const auto* n = ParamOf<int64_t>(action, kSeconds)) args.seconds = *n;
  if (const auto* s = ParamOf<std::string>(action, kSubject)) args.subject = *s;
  if (const auto* s = ParamOf<std::string>(action, kFrom)) args.from = *s;
  if (const auto* s = ParamOf<std::string>(action, kFromAddress)) args.from_address = *s;
  if (const auto* l = ParamOf<std::vector<std::string>>(action, kAddresses)) args.addresses = *l;
  if (const auto* b = ParamOf<bool>(action, kMime)) args.mime = *b;
  if (const auto* s = ParamOf<std::string>(action, kHandle)) args.handle = *s;
  if (const auto* s = ParamOf<std::string>(action, kResponse)) args.response = *s;
  args.reason = action.reason;
  return args;
}

void VacationArguments::ToAction(vm::Action& action) const {
  action.reason = reason;
  if (days) action.SetParam(std::string(kDays), *days);
  if (seconds) action.SetParam(std::string(kSeconds), *seconds);
  if (subject) action.SetParam(std::string(kSubject), *subject);
  if (from) {
    action.SetParam(std::string(kFrom), *from);
    action.SetParam(std::string(kFromAddress), from_address);
  }
  if (!addresses.empty()) action.SetParam(std::string(kAddresses), addresses);
  if (mime) action.SetParam(std::string(kMime), true);
  if (handle) action.SetParam(std::string(kHandle), *handle);
  action.SetParam(std::string(kResponse), response);
}

std::string SynthesizedResponse(const std::optional<std::string>& subject,
                                const std::optional<std::string>& from, bool mime,
                                std::string_view reason) {
  // Counted strings in a fixed order (RFC 5230 §4.2's implementation note),
  // with presence marks so that ":subject """ differs from no :subject.
  const std::string key =
      store::ResponseKey("args", {subject ? "s" : "-", subject ? *subject : "", from ? "f" : "-",
                                  from ? *from : "", mime ? "m" : "-", reason});
  // "args:" and 16 of the 64 digits: unique enough among one user's
  // responses, and short enough to show.
  return key.substr(0, 5 + 16);
}

}  // namespace sievekit::delivery
