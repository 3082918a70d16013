// Tests for mail/message: the public view — sizes, header and body split,
// field lookup, lazily cached values, limits, envelope paths — plus reuse:
// a second message parsed into the same object sees none of the first one's
// caches, and a warm Message evaluates a message without allocating.
#include "mail/message.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

// Counts heap allocations so the warm-path test can assert there are none.
// Replacing the global operator new is allowed anywhere in a program; it
// only counts, so it does not change any other test's behaviour.
namespace {
std::atomic<size_t> g_allocations{0};
}  // namespace

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
// GCC sees free() on memory from operator new; here that pairing is right.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, size_t) noexcept { std::free(memory); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace sievekit::mail {
namespace {

std::vector<std::string> Decoded(Message& message, std::string_view name) {
  std::vector<std::string> out;
  for (const HeaderField& field : message.FieldsNamed(name)) {
    out.emplace_back(message.Decoded(field));
  }
  return out;
}

TEST(MessageTest, HeaderAndBody) {
  Message message;
  const std::string bytes = "Subject: hi\r\nTo: a@b.example\r\n\r\nbody\r\n";
  message.Parse(bytes);
  EXPECT_EQ(message.size(), bytes.size());
  EXPECT_EQ(message.bytes().data(), bytes.data());  // never copied
  EXPECT_EQ(message.header_bytes(), "Subject: hi\r\nTo: a@b.example\r\n");
  EXPECT_EQ(message.body(), "body\r\n");
  EXPECT_TRUE(message.has_body());
  ASSERT_EQ(message.fields().size(), 2u);
  EXPECT_EQ(message.RawValue(message.fields()[0]), " hi");
  EXPECT_TRUE(message.HasField("SUBJECT"));
  EXPECT_FALSE(message.HasField("Cc"));
  EXPECT_FALSE(message.HasField("Subject "));  // not a valid name, never matches
}

TEST(MessageTest, NoBlankLineAndEmptyInput) {
  Message message;
  message.Parse("Subject: only header");
  EXPECT_FALSE(message.has_body());
  EXPECT_EQ(message.body(), "");
  EXPECT_EQ(message.header_bytes(), "Subject: only header");
  message.Parse("");
  EXPECT_EQ(message.size(), 0u);
  EXPECT_TRUE(message.fields().empty());
  EXPECT_FALSE(message.has_body());
  EXPECT_EQ(message.Mime().parts().size(), 1u);
}

TEST(MessageTest, RepeatedFieldsInOrder) {
  Message message;
  message.Parse("X-A: 1\r\nx-a: =?utf-8?q?=C3=A9?=\r\nOther: o\r\nX-A:\r\n  3 \r\n\r\n");
  EXPECT_EQ(Decoded(message, "x-A"), (std::vector<std::string>{"1", "\xC3\xA9", "3"}));
  EXPECT_EQ(message.FieldsNamed("X-A").count(), 3u);
}

TEST(MessageTest, MboxLineAndMalformedLines) {
  Message message;
  message.Parse("From a@b Sat Jan  6 10:00:00 2024\nSubject: s\njunk\nTo: t\n\nbody");
  EXPECT_TRUE(message.header_scan().mbox_from_line);
  EXPECT_EQ(message.header_scan().malformed_lines, 1u);
  EXPECT_EQ(message.fields().size(), 2u);
  EXPECT_FALSE(message.HasField("From"));
  EXPECT_EQ(message.size(), 61u);  // the mbox line counts: it was given
}

TEST(MessageTest, Limits) {
  MessageLimits limits;
  limits.max_header_fields = 2;
  limits.max_header_field_size = 4;
  Message message(limits);
  message.Parse("A: 123456\r\nB: 2\r\nC: 3\r\n\r\nbody");
  ASSERT_EQ(message.fields().size(), 2u);
  EXPECT_EQ(message.Unfolded(message.fields()[0]), "123");
  EXPECT_TRUE(message.fields()[0].truncated());
  EXPECT_EQ(message.header_scan().dropped_fields, 1u);
  EXPECT_EQ(message.header_scan().truncated_fields, 1u);
  EXPECT_FALSE(message.HasField("C"));
  EXPECT_EQ(message.body(), "body");
  EXPECT_EQ(message.limits().max_header_fields, 2u);
}

TEST(MessageTest, AddressesOfAnyField) {
  Message message;
  message.Parse("From: \"A\" <a@x.example>\r\nX-Custom: b@y.example, c@z.example\r\n\r\n");
  const std::span<const Address> from = message.Addresses(*message.FieldsNamed("from").front());
  ASSERT_EQ(from.size(), 1u);
  EXPECT_EQ(from[0].all, "a@x.example");
  EXPECT_EQ(from[0].display_name, "A");
  EXPECT_EQ(message.Addresses(*message.FieldsNamed("x-custom").front()).size(), 2u);
}

TEST(MessageTest, EnvelopePaths) {
  Message message;
  message.Parse("Subject: x\r\n\r\n");
  EXPECT_TRUE(message.ParseEnvelopePath("<>").is_null);
  const EnvelopePath path = message.ParseEnvelopePath("<User@Example.COM>");
  EXPECT_FALSE(path.is_null);
  EXPECT_EQ(path.address.local_part, "User");
  EXPECT_EQ(path.address.domain, "Example.COM");
  EXPECT_TRUE(path.address.valid);
}

// The same path text is parsed once per message, and the result does not
// depend on the caller's string staying alive or unchanged.
TEST(MessageTest, EnvelopePathsAreCachedPerMessage) {
  Message message;
  message.Parse("Subject: x\r\n\r\n");
  std::string path = "<Someone@Example.org>";
  const EnvelopePath first = message.ParseEnvelopePath(path);
  path.assign("<other@example.net>");  // same buffer, new text
  const EnvelopePath second = message.ParseEnvelopePath(path);
  EXPECT_EQ(first.address.all, "Someone@Example.org");
  EXPECT_EQ(second.address.all, "other@example.net");
  path.assign("<Someone@Example.org>");
  const EnvelopePath again = message.ParseEnvelopePath(path);
  EXPECT_EQ(again.address.all.data(), first.address.all.data());  // the cached result
  path.clear();
  path.shrink_to_fit();
  EXPECT_EQ(first.address.local_part, "Someone");
  EXPECT_EQ(first.address.domain, "Example.org");
  // More distinct paths than the cache holds still parse right.
  for (int i = 0; i < 20; ++i) {
    const std::string p = "<u" + std::to_string(i) + "@example.com>";
    EXPECT_EQ(message.ParseEnvelopePath(p).address.local_part, "u" + std::to_string(i));
  }
  // A new message forgets them.
  message.Parse("Subject: y\r\n\r\n");
  EXPECT_EQ(message.ParseEnvelopePath("<Someone@Example.org>").address.all, "Someone@Example.org");
}

// Every Parse gets a generation no other Parse had, and Owns tells the
// message's views (bytes and computed values) from everything else.
TEST(MessageTest, GenerationAndOwnership) {
  Message a;
  Message b;
  const std::string bytes = "Subject: =?UTF-8?Q?caf=C3=A9?=\r\nTo: x@y.example\r\n\r\nbody";
  a.Parse(bytes);
  const uint64_t first = a.generation();
  b.Parse(bytes);
  EXPECT_NE(b.generation(), first);
  a.Parse(bytes);
  EXPECT_NE(a.generation(), first);
  EXPECT_NE(a.generation(), b.generation());

  const std::string_view decoded = a.Decoded(*a.FieldsNamed("subject").front());  // in the arena
  EXPECT_EQ(decoded, "caf\xC3\xA9");
  EXPECT_TRUE(a.Owns(decoded));
  EXPECT_TRUE(a.Owns(a.bytes()));
  EXPECT_TRUE(a.Owns(a.body()));
  EXPECT_TRUE(a.Owns(a.Unfolded(*a.FieldsNamed("to").front())));  // a view into the bytes
  EXPECT_FALSE(a.Owns(std::string_view()));
  const std::string copy(decoded);
  EXPECT_FALSE(a.Owns(copy));
  EXPECT_FALSE(a.Owns(std::string_view(a.bytes().data(), a.bytes().size() + 1)));
  EXPECT_FALSE(b.Owns(decoded));
}

TEST(MessageTest, PartFieldsDecodeLikeMessageFields) {
  Message message;
  message.Parse(
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\nX-Part: =?utf-8?q?=C3=BC?=\r\n\r\nbody\r\n--b--\r\n");
  const std::span<const HeaderField> part_fields = message.PartFields(1);
  ASSERT_EQ(part_fields.size(), 2u);
  EXPECT_EQ(message.Decoded(part_fields[1]), "\xC3\xBC");
  EXPECT_EQ(message.PartFields(0).size(), message.fields().size());
}

const char kFirst[] =
    "From: =?utf-8?q?Ren=C3=A9?= <rene@one.example>\r\n"
    "To: a@one.example, group: b@one.example;\r\n"
    "Subject: =?koi8-r?B?8NLJ18XU?= first\r\n"
    "X-Only-First: yes\r\n"
    "Content-Type: multipart/mixed; boundary=one\r\n\r\n"
    "--one\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9\r\n"
    "--one\r\nContent-Type: application/pdf; name=a.pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n"
    "--one--\r\n";

const char kSecond[] =
    "Subject: second\r\n"
    "From: Zed <zed@two.example>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "plain second body\r\n";

// Touches every lazy value, as a busy script would; returns a checksum so
// nothing is optimised away.
size_t EvaluateEverything(Message& message) {
  size_t sum = message.size();
  for (const HeaderField& field : message.fields()) {
    sum += message.Unfolded(field).size() + message.Decoded(field).size();
    if (IsAddressHeader(field.name())) {
      for (const Address& address : message.Addresses(field)) sum += address.all.size();
    }
  }
  for (std::string_view name : {"subject", "from", "to", "x-missing", "received"}) {
    for (const HeaderField& field : message.FieldsNamed(name)) sum += message.Decoded(field).size();
  }
  const MimeTree& tree = message.Mime();
  for (uint32_t i = 0; i < tree.parts().size(); ++i) {
    sum += message.PartContent(i).size() + message.PartText(i).size();
    for (const HeaderField& field : message.PartFields(i)) sum += message.Decoded(field).size();
  }
  sum += message.ParseEnvelopePath("<someone@envelope.example>").address.all.size();
  return sum;
}

TEST(MessageReuseTest, SecondMessageSeesNoStaleCache) {
  Message message;
  const std::string first = kFirst;
  const std::string second = kSecond;
  message.Parse(first);
  EvaluateEverything(message);
  EXPECT_EQ(Decoded(message, "subject"),
            (std::vector<std::string>{"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 first"}));
  EXPECT_EQ(message.Mime().parts().size(), 3u);
  EXPECT_EQ(message.PartText(1), "caf\xC3\xA9");

  message.Parse(second);
  EXPECT_EQ(Decoded(message, "subject"), (std::vector<std::string>{"second"}));
  EXPECT_FALSE(message.HasField("X-Only-First"));
  EXPECT_FALSE(message.HasField("To"));
  const std::span<const Address> from = message.Addresses(*message.FieldsNamed("From").front());
  ASSERT_EQ(from.size(), 1u);
  EXPECT_EQ(from[0].all, "zed@two.example");
  EXPECT_EQ(from[0].display_name, "Zed");
  const MimeTree& tree = message.Mime();
  ASSERT_EQ(tree.parts().size(), 1u);
  EXPECT_EQ(tree.part(0).type, "text");
  EXPECT_EQ(tree.part(0).charset, "utf-8");
  EXPECT_EQ(message.PartText(0), "plain second body\r\n");

  // And back: the first message again gives the first answers.
  message.Parse(first);
  EXPECT_EQ(message.Mime().parts().size(), 3u);
  EXPECT_EQ(message.PartText(1), "caf\xC3\xA9");
  EXPECT_EQ(message.PartContent(2), "%PDF");
  EXPECT_EQ(Decoded(message, "from"), (std::vector<std::string>{"Ren\xC3\xA9 <rene@one.example>"}));
  const std::span<const Address> to = message.Addresses(*message.FieldsNamed("to").front());
  ASSERT_EQ(to.size(), 2u);
  EXPECT_EQ(to[1].group, "group");
}

TEST(MessageReuseTest, WarmEvaluationDoesNotAllocate) {
  Message message;
  const std::string first = kFirst;
  const std::string second = kSecond;
  // Warm up on both messages.
  for (int i = 0; i < 2; ++i) {
    message.Parse(first);
    EvaluateEverything(message);
    message.Parse(second);
    EvaluateEverything(message);
  }
  const size_t before = g_allocations.load();
  size_t sum = 0;
  for (int i = 0; i < 10; ++i) {
    message.Parse(first);
    sum += EvaluateEverything(message);
    message.Parse(second);
    sum += EvaluateEverything(message);
  }
  const size_t allocations = g_allocations.load() - before;
  EXPECT_EQ(allocations, 0u);
  EXPECT_GT(sum, 0u);
}

TEST(MessageReuseTest, MovedMessageKeepsWorking) {
  Message original;
  const std::string first = kFirst;
  original.Parse(first);
  Message moved(std::move(original));
  EXPECT_EQ(Decoded(moved, "subject").size(), 1u);
  EXPECT_EQ(moved.Mime().parts().size(), 3u);
}

TEST(MessageWireSizeTest, BareLfCountsAsCrlf) {
  const struct {
    std::string bytes;
    size_t wire;
  } cases[] = {
      {"", 0},
      {"a\r\n", 3},
      {"a\n", 3},
      {"a\nb\r\nc\n\n", 11},
      {"\n", 2},
      {"no newline", 10},
  };
  for (const auto& c : cases) {
    Message m;
    m.Parse(c.bytes);
    EXPECT_EQ(m.wire_size(), c.wire) << c.bytes;
    EXPECT_EQ(m.size(), c.bytes.size());
  }
}

// WireSizeAbove/Below stop counting once the answer is known and keep the
// count for the next question: every limit around the true size, asked in
// orders that stop the count early, must agree with wire_size().
TEST(MessageWireSizeTest, BoundsAgreeWithTheFullCount) {
  const std::string bytes = "a\nb\r\nc\n\n" + std::string(40, 'x') + "\n\ny\r\n\n";
  Message reference;
  reference.Parse(bytes);
  const size_t wire = reference.wire_size();
  ASSERT_EQ(wire, bytes.size() + 6);
  for (size_t first = 0; first <= 2 * bytes.size() + 1; ++first) {
    for (size_t limit = 0; limit <= 2 * bytes.size() + 1; ++limit) {
      Message m;
      m.Parse(bytes);
      // A first question leaves the count part-way.
      EXPECT_EQ(m.WireSizeAbove(first), wire > first) << first;
      EXPECT_EQ(m.WireSizeAbove(limit), wire > limit) << first << " " << limit;
      EXPECT_EQ(m.WireSizeBelow(limit), wire < limit) << first << " " << limit;
      EXPECT_EQ(m.wire_size(), wire) << first << " " << limit;
    }
  }
}

// Long messages are counted in chunks and, where the CPU allows, 32 bytes a
// step: line ends on every kind of boundary (CR and LF on either side of a
// step or chunk edge, at the very start and end) must count as one byte at
// a time would.
TEST(MessageWireSizeTest, LongMessagesCountLikeTheByteLoop) {
  uint32_t seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (const size_t size : {size_t{1}, size_t{31}, size_t{32}, size_t{33}, size_t{64},
                            size_t{4095}, size_t{4096}, size_t{4097}, size_t{9000},
                            size_t{70000}}) {
    for (int density : {2, 7, 70}) {
      std::string bytes(size, 'x');
      for (char& c : bytes) {
        const uint32_t r = next() % static_cast<uint32_t>(density);
        if (r == 0) c = '\n';
        if (r == 1) c = '\r';
      }
      size_t bare = 0;
      for (size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) ++bare;
      }
      const size_t wire = bytes.size() + bare;
      Message whole;
      whole.Parse(bytes);
      EXPECT_EQ(whole.wire_size(), wire) << size << " " << density;
      for (const size_t limit : {wire - 1, wire, wire + 1, size + (wire - size) / 2}) {
        Message m;
        m.Parse(bytes);
        EXPECT_EQ(m.WireSizeAbove(limit), wire > limit) << size << " " << limit;
        EXPECT_EQ(m.WireSizeBelow(limit), wire < limit) << size << " " << limit;
        EXPECT_EQ(m.wire_size(), wire) << size << " " << limit;
      }
    }
  }
}

}  // namespace
}  // namespace sievekit::mail
