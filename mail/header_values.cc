// Lazy per-field value caches: each value is computed at most once per field
// and message, and never for a field nobody asked about. Nothing here may
// keep a view into a scratch buffer: results go to the arena. The cache hits
// are inline in header_values.h; these are the first requests.
#include "mail/header_values.h"

namespace sievekit::mail {

std::string_view HeaderValues::ComputeUnfolded(const HeaderField& field, Workspace* workspace) {
  std::string_view value = Unfold(field.raw_value(), &workspace->scratch);
  if (!value.empty() && value.data() == workspace->scratch.data()) {
    value = workspace->arena.Store(value);
  }
  field.unfolded_ = value;
  field.cached_ |= HeaderField::kUnfolded;
  return field.unfolded_;
}

std::string_view HeaderValues::ComputeDecoded(const HeaderField& field, Workspace* workspace) {
  std::string_view value = Unfolded(field, workspace);
  if (WordDecoder::NeedsDecoding(value)) {
    workspace->scratch.clear();
    workspace->words.Decode(value, &workspace->charsets, &workspace->scratch);
    value = workspace->arena.Store(workspace->scratch);
  }
  field.decoded_ = value;
  field.cached_ |= HeaderField::kDecoded;
  return field.decoded_;
}

std::span<const Address> HeaderValues::ComputeAddresses(const HeaderField& field,
                                                        Workspace* workspace) {
  const std::string_view value = Unfolded(field, workspace);
  workspace->address_scratch.clear();
  workspace->addresses.ParseList(value, &workspace->arena, &workspace->words,
                                 &workspace->charsets, &workspace->address_scratch);
  const std::span<const Address> stored =
      workspace->arena.StoreArray(std::span<const Address>(workspace->address_scratch));
  field.addresses_ = stored.data();
  field.address_count_ = static_cast<uint32_t>(stored.size());
  field.cached_ |= HeaderField::kAddresses;
  return {field.addresses_, field.address_count_};
}

}  // namespace sievekit::mail
