// Reading a script named on the command line, with clear answers for what
// is not a script: a missing or unreadable file, a directory, a binary file.
// "-" reads standard input. Never throws.
#pragma once

#include <memory>
#include <string>

#include "common/diagnostic.h"
#include "common/result.h"
#include "common/source_file.h"

namespace sievekit::tools {

// The file's bytes, or an Error whose message starts with the path.
Result<std::shared_ptr<const SourceFile>> ReadScript(const std::string& path);

// What a file's content is before parsing: binary data (which is reported
// and not parsed) or an empty script (which is valid, and worth a warning).
struct ContentCheck {
  bool binary = false;
  bool empty = false;
};
ContentCheck CheckContent(const SourceFile& source);

}  // namespace sievekit::tools
