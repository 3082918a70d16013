// Message generator (see message_generator.h). Messages are built with LF
// line ends and converted to CRLF at the end when asked, so both forms hold
// the same text.
#include "bench/message_generator.h"

#include <fmt/format.h>

#include <random>
#include <string_view>

namespace sievekit::bench {
namespace {

const char* const kWords[] = {"report", "meeting", "invoice", "weekly", "update", "project",
                              "release", "money",   "offer",   "urgent", "lunch",  "ticket",
                              "review",  "status",  "budget",  "travel", "notes",  "draft"};
const char* const kDomains[] = {"example.com",      "example.org",      "mail.example.net",
                                "lists.example.org", "corp.example.com", "example5.com",
                                "example17.com"};
// UTF-8 texts for encoded words (RFC 2047), as mail clients write them.
const char* const kUtf8Names[] = {"J\xC3\xBCrgen M\xC3\xBCller", "Fran\xC3\xA7oise L\xC3\xA9vy",
                                  "\xC3\x98ystein Bj\xC3\xB8rn", "Zo\xC3\xAB K\xC3\xB6hler"};
// (The split literal ends the \x9F escape before the "e"; the parentheses
// tell clang the concatenation is meant.)
const char* const kUtf8Subjects[] = {("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln"),
                                     "R\xC3\xA9sum\xC3\xA9 du projet",
                                     "\xC3\x84nderung der Tagesordnung"};

using Rng = std::mt19937;  // 32-bit outputs, held in uint32_t

uint32_t Pick(Rng& rng, uint32_t n) { return static_cast<uint32_t>(rng() % n); }

std::string Words(Rng& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += kWords[rng() % std::size(kWords)];
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

std::string EncodedWord(std::string_view utf8) { return "=?UTF-8?B?" + Base64(utf8) + "?="; }

std::string RandomBase64Line(Rng& rng, size_t length) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string line(length, 'A');
  for (char& c : line) c = kAlphabet[rng() % 64];
  return line;
}

size_t CountLines(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

std::string GenerateMessage(uint32_t index, uint32_t seed, const MessageOptions& options) {
  Rng rng(seed * 1000003u + index);
  // Who sends: a few fixed domains, or one of 300 customer domains that the
  // generated rule sets test with address :domain :is.
  const std::string from_domain = Pick(rng, 10) < 3 ? fmt::format("example{}.com", Pick(rng, 300))
                                                    : kDomains[rng() % std::size(kDomains)];
  const std::string sender = fmt::format("user{}@{}", Pick(rng, 500), from_domain);
  // Trace fields first, as the receiving MTA prepends them.
  std::string head;
  if (Pick(rng, 20) == 0) {
    head += fmt::format("Return-Path: <boss{}@example.com>\n", Pick(rng, 300));
  } else {
    head += fmt::format("Return-Path: <{}>\n", sender);
  }
  const uint32_t hops = 2 + Pick(rng, 3);
  for (uint32_t i = 0; i < hops; ++i) {
    head += fmt::format(
        "Received: from relay{}.example.net (relay{}.example.net [192.0.2.{}])\n"
        "\tby mx.example.org with ESMTPS id {:08x}\n\tfor <bob@example.org>; "
        "Mon, 3 Nov 2026 10:{:02}:00 +0100\n",
        i, i, Pick(rng, 250), rng(), Pick(rng, 60));
  }
  if (Pick(rng, 2) == 0) {
    head += fmt::format(
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={}; s=sel1;\n"
        "\th=from:to:subject:date:message-id; bh={};\n\tb={}\n\t {}\n",
        from_domain, RandomBase64Line(rng, 44), RandomBase64Line(rng, 64),
        RandomBase64Line(rng, 64));
  }
  // Originator fields.
  head += fmt::format("Message-ID: <{:x}.{}@{}>\n", rng(), index, from_domain);
  head += fmt::format("Date: Mon, 3 Nov 2026 10:{:02}:{:02} +0100\n", Pick(rng, 60), Pick(rng, 60));
  if (Pick(rng, 4) == 0) {
    head += fmt::format("From: {} <{}>\n", EncodedWord(kUtf8Names[rng() % std::size(kUtf8Names)]),
                        sender);
  } else {
    head += fmt::format("From: \"User {}\" <{}>\n", index % 97, sender);
  }
  const uint32_t team = Pick(rng, 300);
  if (Pick(rng, 5) == 0) {
    head += fmt::format("To: bob@example.org, =?UTF-8?Q?Team_M=C3=BCnchen?= <team{}@example.net>\n",
                        team);
  } else {
    head += fmt::format("To: bob@example.org, team{}@example.net\n", team);
  }
  if (Pick(rng, 2) == 0) head += "Cc: carol@example.net, \"Dave D\" <dave@example.com>\n";
  const bool list = Pick(rng, 3) == 0;
  // Half the list mail comes from the first 250 projects, which the 200-rule
  // script knows; the rest from projects it does not.
  const uint32_t project = Pick(rng, 2) == 0 ? Pick(rng, 250) : Pick(rng, 5000);
  std::string subject;
  switch (Pick(rng, 5)) {
    case 0:
      subject = fmt::format("=?ISO-8859-1?Q?R=E9union_{}?= {}", index, Words(rng, 3));
      break;
    case 1:
      subject = fmt::format("[ticket-{}] {}", Pick(rng, 1000), Words(rng, 4));
      break;
    case 2:
      subject = EncodedWord(kUtf8Subjects[rng() % std::size(kUtf8Subjects)]);
      break;
    case 3:
      subject = fmt::format("Re: {}", Words(rng, 4));
      break;
    default:
      subject = fmt::format("{} {}", Words(rng, 5), index);
      break;
  }
  if (list) subject = fmt::format("[project-{}] {}", project, subject);
  head += fmt::format("Subject: {}\n", subject);
  if (Pick(rng, 5) == 0) {
    const std::string parent = fmt::format("<{:x}@{}>", rng(), from_domain);
    head += fmt::format("In-Reply-To: {}\nReferences: <{:x}@{}>\n\t{}\n", parent, rng(),
                        from_domain, parent);
  }
  if (list) {
    head += fmt::format("List-Id: Project {} <project-{}.lists.example.org>\n", project, project);
    head += fmt::format(
        "List-Unsubscribe: <mailto:project-{}-leave@lists.example.org>,\n"
        "\t<https://lists.example.org/unsubscribe/project-{}>\n",
        project, project);
    head += fmt::format("List-Post: <mailto:project-{}@lists.example.org>\n", project);
    head += "Precedence: list\n";
    head += fmt::format("X-Mailing-List: project-{}\n", project);
  }
  head += fmt::format("X-Spam-Status: {}, score={}.{} required=5.0\n\ttests=BAYES_00,DKIM_SIGNED\n",
                      Pick(rng, 5) == 0 ? "Yes" : "No", Pick(rng, 12), Pick(rng, 10));
  head += "X-Mailer: sievekit-bench\n";
  // Filler fields up to the wanted line count; MIME fields close the header.
  const bool multipart = Pick(rng, 4) == 0;
  const size_t mime_lines = multipart ? 3 : 2;
  const size_t wanted = options.header_lines > 0 ? static_cast<size_t>(options.header_lines)
                                                 : 20 + Pick(rng, 21);
  for (int i = 0; CountLines(head) + mime_lines < wanted; ++i) {
    head += fmt::format("X-Header-{}: {}\n", i, Words(rng, 3));
  }
  head += "MIME-Version: 1.0\n";

  // The size the whole message ends up with (about): the header plus
  // body_size, or 1 KB-200 KB at random.
  const uint32_t roll = Pick(rng, 100);
  const size_t size = options.body_size > 0 ? head.size() + options.body_size
                      : roll < 70           ? 1000 + Pick(rng, 9000)
                      : roll < 95           ? 10000 + Pick(rng, 40000)
                                            : 50000 + Pick(rng, 150000);
  std::string m = std::move(head);
  if (multipart) {
    const std::string boundary = fmt::format("b{:x}", rng());
    m += fmt::format("Content-Type: multipart/mixed;\n\tboundary=\"{}\"\n\n", boundary);
    m += fmt::format("--{}\nContent-Type: text/plain; charset=utf-8\n\n{}\n", boundary,
                     Words(rng, 60));
    m += fmt::format("--{}\nContent-Type: application/pdf; name=\"doc{}.pdf\"\n"
                     "Content-Disposition: attachment; filename=\"doc{}.pdf\"\n"
                     "Content-Transfer-Encoding: base64\n\n",
                     boundary, index, index);
    while (m.size() < size) m += RandomBase64Line(rng, 76) + "\n";
    m += fmt::format("--{}--\n", boundary);
  } else {
    m += "Content-Type: text/plain; charset=utf-8\n\n";
    while (m.size() < size) m += Words(rng, 12) + "\n";
  }
  if (!options.crlf) return m;
  std::string crlf;
  crlf.reserve(m.size() + CountLines(m));
  for (char c : m) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  return crlf;
}

}  // namespace sievekit::bench
