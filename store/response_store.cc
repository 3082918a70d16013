// Checks shared by the response store backends (see response_store.h).
#include "store/response_store.h"

namespace sievekit::store {

Result<void> CheckKey(std::string_view key) {
  if (key.empty()) return Error{"response store: empty key"};
  if (key.size() > kMaxKeyBytes) return Error{"response store: key longer than 512 bytes"};
  return {};
}

}  // namespace sievekit::store
