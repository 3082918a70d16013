// MailSource: the messages of a Maildir (cur/ and new/, in file-name order)
// or of an mbox file (mboxrd: ">From " lines are unescaped), one at a time,
// for `sievec filter` and the benchmarks. A Maildir is read ahead by a
// second thread into a few reused buffers; an mbox is memory-mapped. Either
// way a large mailbox costs no more memory than a few of its largest
// messages.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace sievekit::tools {

struct SourcedMessage {
  std::string_view bytes;    // valid until the next Next()
  std::string name;          // file name, or "mbox:N"
  std::string mbox_sender;   // the sender of an mbox "From " line, if any
};

class MailSource {
 public:
  virtual ~MailSource() = default;
  // The next message, or false at the end. An unreadable Maildir file is
  // skipped and reported in `errors`.
  virtual bool Next(SourcedMessage* message) = 0;
  virtual size_t count_hint() const = 0;  // total messages if known, else 0
  std::vector<std::string> errors;
};

// Opens PATH as a Maildir (a directory with cur/ or new/) or an mbox file.
Result<std::unique_ptr<MailSource>> OpenMailSource(const std::string& path);

}  // namespace sievekit::tools
