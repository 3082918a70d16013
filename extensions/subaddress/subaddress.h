// The subaddress extension (RFC 5233): the :user and :detail address parts.
#pragma once

#include <optional>
#include <string_view>

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterSubaddress(ir::Registry& registry);

// The user and detail of a local part split at the first `separator`
// (RFC 5233 §4); detail is nullopt when the local part has no separator (or
// the separator is empty), and "" when the separator ends the local part.
struct Subaddress {
  std::string_view user;
  std::optional<std::string_view> detail;
};
Subaddress SplitSubaddress(std::string_view local_part, std::string_view separator);

}  // namespace sievekit::extensions
