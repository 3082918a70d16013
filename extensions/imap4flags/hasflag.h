// The hasflag test of imap4flags (RFC 5232 §4): its run time.
#pragma once

#include "vm/call_runtime.h"

namespace sievekit::extensions::imap4flags {

// hasflag [MATCH-TYPE] [COMPARATOR] [<variable-list>] <list-of-flags>.
extern const vm::CallRuntime kHasflagRuntime;

}  // namespace sievekit::extensions::imap4flags
