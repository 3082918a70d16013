// Workspace: the reusable working memory behind one Message — the arena that
// computed strings live in, the charset converter cache, the decoders and
// parsers with their buffers, and scratch strings.
//
// Keeping all of it in one object that survives from message to message is
// what makes a warm evaluation allocation-free. It is owned by a Message and
// passed by pointer to the code that fills caches; it is not thread-safe and
// holds no message state of its own beyond the arena's contents.
#pragma once

#include <string>
#include <vector>

#include "mail/address.h"
#include "mail/arena.h"
#include "mail/charset.h"
#include "mail/content_type.h"
#include "mail/encoded_words.h"

namespace sievekit::mail {

struct Workspace {
  TextArena arena;
  CharsetConverter charsets;
  WordDecoder words;
  AddressParser addresses;
  ContentHeaderParser content_headers;
  // Scratch buffers: valid only within one call that fills a cache.
  std::string scratch;
  std::vector<Address> address_scratch;

  // Forgets everything computed for the previous message; keeps capacity.
  void Reset() { arena.Reset(); }
};

}  // namespace sievekit::mail
