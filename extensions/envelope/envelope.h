// envelope (RFC 5228 §5.4): test the SMTP envelope's MAIL FROM and RCPT TO.
#pragma once

#include "ir/registry.h"

namespace sievekit::extensions {

void RegisterEnvelope(ir::Registry& registry);

}  // namespace sievekit::extensions
