// Upstream (Pigeonhole) setting names of the vacation extension, mapped onto
// delivery::VacationOptions for test runs:
//
//   sieve_vacation_min_period                  min_period
//   sieve_vacation_default_period              default_period
//   sieve_vacation_max_period                  max_period
//   sieve_vacation_default_subject             default_subject
//   sieve_vacation_default_subject_template    subject_template (%{subject})
//   sieve_vacation_send_from_recipient         send_from_recipient
//   sieve_vacation_to_header_ignore_envelope   to_header_ignore_envelope
//   sieve_vacation_dont_check_recipient        !check_recipient
//   sieve_vacation_use_original_recipient      use_original_recipient
//   sieve_user_email                           user_email
//
// Periods take upstream's forms ("1s", "30 mins", "7d", "2 weeks", a plain
// number of seconds); booleans "yes"/"no" (also true/false, 1/0). A value
// that does not parse, and an empty string, leave the default. Test runs
// only: delivery hosts fill VacationOptions themselves.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "delivery/vacation.h"

namespace sievekit::extensions {

delivery::VacationOptions VacationSettings(const std::map<std::string, std::string>& config);

// A period in upstream's notation, or nullopt.
std::optional<std::chrono::seconds> ParsePeriodSetting(std::string_view text);

}  // namespace sievekit::extensions
