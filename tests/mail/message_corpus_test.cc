// Corpus runner: every corpus/messages/NAME.eml is parsed and dumped, and the
// dump must equal NAME.eml.dump. With SIEVEKIT_UPDATE_GOLDEN=1 in the
// environment the dumps are rewritten instead (review the diff!).
//
// Every message is a named test. A second test parses the whole corpus into
// one reused Message, in order and then in reverse, and expects the same dumps:
// nothing cached for one message may leak into the next.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mail/message.h"
#include "mail/message_dump.h"

namespace sievekit::mail {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(SIEVEKIT_SOURCE_ROOT) / "corpus" / "messages";

std::vector<std::string> CorpusNames() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus, error)) {
    if (entry.path().extension() == ".eml") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

bool UpdateGolden() {
  const char* value = std::getenv("SIEVEKIT_UPDATE_GOLDEN");
  return value != nullptr && *value != '\0' && std::string_view(value) != "0";
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - 4);  // without ".eml"
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class MessageCorpusTest : public testing::TestWithParam<std::string> {};

TEST_P(MessageCorpusTest, MatchesGoldenDump) {
  const std::filesystem::path eml = kCorpus / GetParam();
  const std::filesystem::path golden = kCorpus / (GetParam() + ".dump");
  const std::string bytes = ReadFile(eml);
  Message message;
  message.Parse(bytes);
  const std::string dump = DumpMessage(message);
  if (UpdateGolden()) {
    std::ofstream(golden, std::ios::binary) << dump;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing; run with "
                                               << "SIEVEKIT_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(dump, ReadFile(golden)) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Messages, MessageCorpusTest, testing::ValuesIn(CorpusNames()), TestName);

TEST(MessageCorpus, HasAtLeastFortyMessages) { EXPECT_GE(CorpusNames().size(), 40u); }

TEST(MessageCorpus, OneReusedMessageGivesTheSameDumps) {
  if (UpdateGolden()) GTEST_SKIP() << "goldens are being rewritten";
  std::vector<std::string> names = CorpusNames();
  std::vector<std::string> bytes;
  std::vector<std::string> goldens;
  for (const std::string& name : names) {
    bytes.push_back(ReadFile(kCorpus / name));
    goldens.push_back(ReadFile(kCorpus / (name + ".dump")));
  }
  Message message;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < names.size(); ++k) {
      const size_t i = pass == 0 ? k : names.size() - 1 - k;
      message.Parse(bytes[i]);
      EXPECT_EQ(DumpMessage(message), goldens[i]) << names[i] << " (pass " << pass << ")";
    }
  }
}

}  // namespace
}  // namespace sievekit::mail
