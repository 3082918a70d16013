// "Did you mean ...?": the closest candidate to a misspelt name.
//
// Uses the optimal-string-alignment edit distance (a transposition counts as
// one edit), case-insensitively, and only suggests a candidate when the
// distance is small relative to the name's length, so that wild guesses are
// not offered.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sievekit {

size_t EditDistance(std::string_view a, std::string_view b);

std::optional<std::string> SuggestClosest(std::string_view name,
                                          std::span<const std::string_view> candidates);

}  // namespace sievekit
