// The message catalogues of rule descriptions: per locale, message ids
// mapped to ICU MessageFormat patterns. Internal to describe.cc; a new
// language is one more table in describe_catalogue.cc.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace sievekit::editor {

struct DescriptionCatalogue {
  std::string_view locale;  // "en", "de"
  std::span<const std::pair<std::string_view, std::string_view>> messages;
};

std::span<const DescriptionCatalogue> DescriptionCatalogues();  // English first

}  // namespace sievekit::editor
