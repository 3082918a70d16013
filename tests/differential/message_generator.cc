// The message generator; see the header. Each header is present with a
// fixed probability, so that tests on a missing header come up as well.
#include "tests/differential/message_generator.h"

#include <string_view>

#include "tests/differential/generator_random.h"
#include "tests/differential/vocabulary.h"

namespace sievekit::differential {
namespace {

// A header name in the spelling a message uses: mostly canonical, sometimes
// all lower or upper case (header names are case-insensitive).
std::string NameVariant(GeneratorRandom& random, std::string_view name) {
  std::string out(name);
  const size_t variant = random.Below(10);
  for (char& c : out) {
    if (variant == 0 && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (variant == 1 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

std::string AddressList(GeneratorRandom& random) {
  const size_t count = random.Percent(15) ? 0 : random.Between(1, 3);
  std::string list;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) list += random.Percent(20) ? ",\n " : ", ";
    list += random.Pick(vocab::kAddressItems);
  }
  return list;
}

void AddField(GeneratorRandom& random, GeneratedMessage& message, std::string_view name,
              std::string_view value) {
  std::string field = NameVariant(random, name) + ":";
  if (!value.empty()) field += " ";
  field += value;
  message.fields.push_back(std::move(field));
}

}  // namespace

std::string GeneratedMessage::Render() const {
  std::string out;
  for (const std::string& field : fields) {
    for (char c : field) {
      if (c == '\n') {
        out += line_end;
      } else {
        out += c;
      }
    }
    out += line_end;
  }
  out += line_end;
  out += body;
  return out;
}

GeneratedMessage GenerateMessage(uint64_t seed) {
  GeneratorRandom random(seed, /*stream=*/2);
  GeneratedMessage message;
  if (random.Percent(25)) message.line_end = "\n";

  const size_t received = random.Between(0, 3);
  for (size_t i = 0; i < received; ++i) {
    AddField(random, message, "Received", "from relay" + std::to_string(i) + " by mx");
  }
  for (std::string_view name : {"From", "To", "Cc", "Reply-To"}) {
    if (random.Percent(name == std::string_view("Reply-To") ? 30 : 80)) {
      AddField(random, message, name, AddressList(random));
    }
  }
  if (random.Percent(85)) AddField(random, message, "Subject", random.Pick(vocab::kSubjects));
  if (random.Percent(10)) AddField(random, message, "Subject", random.Pick(vocab::kSubjects));
  const size_t numbers = random.Between(0, 2);
  for (size_t i = 0; i < numbers; ++i) {
    AddField(random, message, "X-Number", random.Pick(vocab::kNumbers));
  }
  if (random.Percent(50)) {
    AddField(random, message, "X-Spam-Level", random.Pick(vocab::kSpamLevels));
  }

  const size_t body_lines = random.Between(0, 30);
  for (size_t i = 0; i < body_lines; ++i) {
    message.body += "Body line " + std::to_string(i) + " of the message." + message.line_end;
  }

  message.envelope.mail_from = std::string(random.Pick(vocab::kMailFrom));
  message.envelope.rcpt_to = std::string(random.Pick(vocab::kRcptTo));
  return message;
}

std::vector<GeneratedMessage> SimplerMessages(const GeneratedMessage& message) {
  std::vector<GeneratedMessage> out;
  for (size_t i = 0; i < message.fields.size(); ++i) {
    GeneratedMessage simpler = message;
    simpler.fields.erase(simpler.fields.begin() + static_cast<std::ptrdiff_t>(i));
    out.push_back(std::move(simpler));
  }
  if (!message.body.empty()) {
    GeneratedMessage simpler = message;
    simpler.body.clear();
    out.push_back(std::move(simpler));
  }
  return out;
}

std::string DescribeEnvelope(const mail::Envelope& envelope) {
  return "MAIL FROM:[" + envelope.mail_from + "] RCPT TO:[" + envelope.rcpt_to + "]";
}

}  // namespace sievekit::differential
