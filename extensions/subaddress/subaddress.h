// The subaddress extension (RFC 5233): the :user and :detail address parts.
#pragma once

#include <optional>
#include <string_view>

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterSubaddress(ir::Registry& registry);

// The user and detail of a local part split at the first of the
// `separators` characters it contains (RFC 5233 §4); detail is nullopt when
// the local part has none (or `separators` is empty), and "" when a
// separator ends the local part.
struct Subaddress {
  std::string_view user;
  std::optional<std::string_view> detail;
};
Subaddress SplitSubaddress(std::string_view local_part, std::string_view separators);

}  // namespace sievekit::extensions
