// Tests for tools/execution_preview: every notify action of a result gets
// its composed notification (or the rule that suppresses it), one composer
// for the whole result so that a recipient is notified once; every vacation
// action gets its outcome, recorded in the store it is given.
#include "tools/execution_preview.h"

#include <gtest/gtest.h>

#include "store/sqlite_response_store.h"
#include "tests/extensions/eval_test_util.h"

namespace sievekit::tools {
namespace {

TEST(ExecutionPreviewTest, ComposesEveryNotifyAction) {
  const exttest::Compiled compiled = exttest::Compile(
      "require [\"enotify\", \"fileinto\"];\n"
      "notify \"mailto:a@example.com\";\n"
      "fileinto \"Later\";\n"
      "notify :message \"again\" \"mailto:a@example.com\";\n"
      "notify \"mailto:b@example.com\";\n");
  ASSERT_NE(compiled.program, nullptr);
  vm::Evaluator evaluator;
  mail::Envelope envelope;
  envelope.mail_from = "<x@example.com>";
  envelope.rcpt_to = "<me@example.org>";
  const vm::EvalResult& result = evaluator.Evaluate(
      *compiled.program, "From: x@example.com\r\nSubject: hi\r\n\r\nbody\r\n", envelope);
  const ExecutionPreview preview = PreviewExecution(result, evaluator.message(), envelope);
  ASSERT_EQ(preview.notifications.size(), 3u);
  EXPECT_TRUE(preview.notifications.at(0).sent);
  EXPECT_EQ(preview.notifications.count(1), 0u);  // fileinto
  EXPECT_FALSE(preview.notifications.at(2).sent);
  EXPECT_EQ(preview.notifications.at(2).suppressed_by, "duplicate");
  EXPECT_TRUE(preview.notifications.at(3).sent);
  EXPECT_EQ(preview.notifications.at(3).messages.at(0).rcpt_to, "b@example.com");
}

TEST(ExecutionPreviewTest, DecidesEveryVacationAction) {
  const exttest::Compiled compiled = exttest::Compile(
      "require [\"vacation\", \"fileinto\"];\n"
      "fileinto \"Later\";\n"
      "vacation :handle \"h\" \"Away\";\n");
  ASSERT_NE(compiled.program, nullptr);
  vm::Evaluator evaluator;
  mail::Envelope envelope;
  envelope.mail_from = "<x@example.com>";
  envelope.rcpt_to = "<me@example.org>";
  const vm::EvalResult& result = evaluator.Evaluate(
      *compiled.program, "From: x@example.com\r\nTo: me@example.org\r\n\r\nbody\r\n",
      envelope);
  auto store = store::SqliteResponseStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  for (const char* expected : {"sent", "rate-limit"}) {
    ExecutionPreview preview;
    PreviewVacations(result, evaluator.message(), envelope, delivery::VacationOptions(),
                     store->get(), store::Now(), &preview);
    ASSERT_EQ(preview.vacations.size(), 1u);
    const delivery::VacationOutcome& v = preview.vacations.at(1);
    EXPECT_EQ(v.sent ? "sent" : v.suppressed_by, expected);
    EXPECT_EQ(v.reply.has_value(), v.sent);
  }
}

}  // namespace
}  // namespace sievekit::tools
