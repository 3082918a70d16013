// Message generator (see message_generator.h).
#include "bench/message_generator.h"

#include <fmt/format.h>

#include <random>

namespace sievekit::bench {
namespace {

const char* const kWords[] = {"report", "meeting", "invoice", "weekly", "update", "project",
                              "release", "money",   "offer",   "urgent", "lunch",  "ticket",
                              "review",  "status",  "budget",  "travel", "notes",  "draft"};
const char* const kDomains[] = {"example.com", "example.org", "mail.example.net", "lists.example.org",
                                "corp.example.com", "example5.com", "example17.com"};

std::string Words(std::mt19937& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += kWords[rng() % std::size(kWords)];
  }
  return out;
}

std::string Base64Line(std::mt19937& rng) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string line(76, 'A');
  for (char& c : line) c = kAlphabet[rng() % 64];
  return line;
}

}  // namespace

std::string GenerateMessage(uint32_t index, uint32_t seed) {
  std::mt19937 rng(seed * 1000003u + index);  // 32-bit outputs, held in uint32_t
  const std::string from_domain = kDomains[rng() % std::size(kDomains)];
  const std::string sender = fmt::format("user{}@{}", rng() % 500, from_domain);
  std::string m;
  const int hops = 3 + static_cast<int>(rng() % 6);
  for (int i = 0; i < hops; ++i) {
    m += fmt::format(
        "Received: from relay{}.example.net (relay{}.example.net [192.0.2.{}])\r\n"
        "\tby mx.example.org with ESMTPS id {:08x}\r\n\tfor <bob@example.org>; "
        "Mon, 3 Nov 2026 10:{:02}:00 +0100\r\n",
        i, i, rng() % 250, rng(), rng() % 60);
  }
  m += fmt::format("Return-Path: <{}>\r\n", sender);
  m += fmt::format("Message-ID: <{:x}.{}@{}>\r\n", rng(), index, from_domain);
  m += "Date: Mon, 3 Nov 2026 10:00:00 +0100\r\n";
  if (rng() % 4 == 0) {
    m += fmt::format("From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <{}>\r\n", sender);
  } else {
    m += fmt::format("From: \"User {}\" <{}>\r\n", index % 97, sender);
  }
  m += fmt::format("To: bob@example.org, team{}@example.net\r\n", rng() % 300);
  if (rng() % 2) m += "Cc: carol@example.net, \"Dave D\" <dave@example.com>\r\n";
  const int subject_kind = static_cast<int>(rng() % 5);
  if (subject_kind == 0) {
    m += fmt::format("Subject: =?ISO-8859-1?Q?R=E9union_{}?= {}\r\n", index, Words(rng, 3));
  } else if (subject_kind == 1) {
    m += fmt::format("Subject: [ticket-{}] {}\r\n", rng() % 5000, Words(rng, 4));
  } else {
    m += fmt::format("Subject: {} {}\r\n", Words(rng, 5), index);
  }
  const bool list = rng() % 3 == 0;
  if (list) {
    const auto project = static_cast<uint32_t>(rng() % 5000);
    m += fmt::format("List-Id: Project {} <project-{}.lists.example.org>\r\n", project, project);
    m += fmt::format("List-Post: <mailto:project-{}@lists.example.org>\r\n", project);
    m += "Precedence: list\r\n";
    m += fmt::format("X-Mailing-List: project-{}\r\n", project);
  }
  m += fmt::format("X-Spam-Status: {}, score={}.{} required=5.0 tests=BAYES_00\r\n",
                   rng() % 5 == 0 ? "Yes" : "No", rng() % 12, rng() % 10);
  m += "X-Mailer: sievekit-bench\r\nMIME-Version: 1.0\r\n";
  const int extra = 4 + static_cast<int>(rng() % 10);
  for (int i = 0; i < extra; ++i) m += fmt::format("X-Header-{}: {}\r\n", i, Words(rng, 3));
  // Body: 1 KB to 200 KB, a quarter of the messages with an attachment.
  const auto roll = static_cast<uint32_t>(rng() % 100);
  const size_t body_size = roll < 70 ? 1000 + rng() % 9000 : roll < 95 ? 10000 + rng() % 40000
                                                                       : 50000 + rng() % 150000;
  if (rng() % 4 == 0) {
    const std::string boundary = fmt::format("b{:x}", rng());
    m += fmt::format("Content-Type: multipart/mixed; boundary=\"{}\"\r\n\r\n", boundary);
    m += fmt::format("--{}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n", boundary,
                     Words(rng, 60));
    m += fmt::format("--{}\r\nContent-Type: application/pdf; name=\"doc{}.pdf\"\r\n"
                     "Content-Disposition: attachment; filename=\"doc{}.pdf\"\r\n"
                     "Content-Transfer-Encoding: base64\r\n\r\n",
                     boundary, index, index);
    while (m.size() < body_size) m += Base64Line(rng) + "\r\n";
    m += fmt::format("--{}--\r\n", boundary);
  } else {
    m += "Content-Type: text/plain; charset=utf-8\r\n\r\n";
    while (m.size() < body_size) m += Words(rng, 12) + "\r\n";
  }
  return m;
}

}  // namespace sievekit::bench
