// Fuzz target: the message model. Any bytes must parse; every field's
// decoded value must be valid UTF-8; addresses, the MIME tree and every
// part's text must be computable without crashing.
#include <cstdint>
#include <string>

#include "common/utf8.h"
#include "fuzz/fuzz_check.h"
#include "mail/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sievekit;
  static mail::Message message;  // reused, as delivery reuses it
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  message.Parse(bytes);
  for (const mail::HeaderField& field : message.fields()) {
    FUZZ_CHECK(utf8::IsValid(message.Decoded(field)), "decoded header is UTF-8");
    for (const mail::Address& a : message.Addresses(field)) {
      FUZZ_CHECK(a.all.size() <= size * 4 + 16, "address text is bounded");
    }
  }
  const mail::MimeTree& tree = message.Mime();
  for (uint32_t i = 0; i < tree.parts().size(); ++i) {
    FUZZ_CHECK(utf8::IsValid(message.PartText(i)), "part text is UTF-8");
  }
  (void)message.ParseEnvelopePath(bytes.substr(0, 200));
  return 0;
}
