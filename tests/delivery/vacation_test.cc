// Tests for delivery/vacation: the effective period (RFC 5230 §4.1, RFC
// 6131 §2), the composed reply and its envelope, every "do not reply" rule
// end to end with its stable name, the rate limit through a store (RFC 5230
// §4.2 and its examples), a store that is down, the out-of-office vacation
// beating other autoreplies of a script sequence, the host options, and two
// deliveries racing on one store.
#include "delivery/vacation.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <latch>
#include <thread>

#include "delivery/multiscript.h"
#include "store/sqlite_response_store.h"

namespace sievekit::delivery {
namespace {

using std::chrono::seconds;

const store::TimePoint kT0{seconds(1'800'000'000)};

constexpr std::string_view kMessage =
    "From: You <you@example.com>\r\n"
    "To: me@example.org\r\n"
    "Subject: Lunch?\r\n"
    "Message-ID: <m1@example.com>\r\n"
    "\r\n"
    "Shall we?\r\n";

struct Parsed {
  explicit Parsed(std::string text) : bytes(std::move(text)) { message.Parse(bytes); }
  std::string bytes;
  mail::Message message;
};

mail::Envelope Envelope(std::string from = "you@example.com", std::string to = "me@example.org") {
  mail::Envelope e;
  e.mail_from = std::move(from);
  e.rcpt_to = std::move(to);
  return e;
}

VacationOptions Options() {
  VacationOptions o;
  o.date = "Mon, 2 Nov 2026 10:00:00 +0000";
  o.message_id = "<r1.vacation@host.example>";
  return o;
}

// A vacation record as the extension makes it.
vm::Action Vacation(std::string reason, uint32_t line = 1,
                    std::optional<std::string> handle = std::nullopt) {
  VacationArguments args;
  args.reason = std::move(reason);
  args.handle = std::move(handle);
  args.response = args.handle ? "handle:" + *args.handle
                              : SynthesizedResponse(args.subject, args.from, false, args.reason);
  vm::Action a;
  a.type = kVacationType;
  a.line = line;
  args.ToAction(a);
  return a;
}

vm::Action With(vm::Action a, const std::function<void(VacationArguments&)>& change) {
  VacationArguments args = VacationArguments::FromAction(a);
  change(args);
  a.params.clear();
  args.ToAction(a);
  return a;
}

// "sent" or the suppressed_by name of each outcome, space-separated.
std::string Verdicts(const std::vector<VacationOutcome>& outcomes) {
  std::string out;
  for (const VacationOutcome& o : outcomes) {
    if (!out.empty()) out += ' ';
    out += o.sent ? "sent" : o.suppressed_by;
  }
  return out;
}

std::vector<VacationOutcome> Deliver(std::string_view message,
                                     const std::vector<vm::Action>& actions,
                                     const mail::Envelope& envelope = Envelope(),
                                     const VacationOptions& options = Options(),
                                     store::ResponseStore* store = nullptr,
                                     store::TimePoint now = kT0) {
  Parsed p{std::string(message)};
  return ExecuteVacations(actions, p.message, envelope, options, store, now);
}

TEST(VacationTest, EffectivePeriod) {
  struct Case {
    std::optional<int64_t> days, seconds;
    int64_t min, def, max;
    int64_t expected;
  };
  const int64_t d = 86400;
  const Case cases[] = {
      {{}, {}, d, 7 * d, 60 * d, 7 * d},  // the default: once a week
      {3, {}, d, 7 * d, 60 * d, 3 * d},
      {0, {}, d, 7 * d, 60 * d, d},               // below the minimum
      {1000, {}, d, 7 * d, 60 * d, 60 * d},       // above the maximum
      {INT64_MAX, {}, d, 7 * d, 60 * d, 60 * d},  // no overflow
      {0, {}, 0, 7 * d, 60 * d, 1},               // :days never gives 0
      {{}, 120, d, 7 * d, 60 * d, d},             // RFC 6131 v(min)
      {{}, 120, 1, 7 * d, 60 * d, 120},
      {{}, 0, 0, 7 * d, 60 * d, 0},  // :seconds 0 where allowed
      {{}, 0, 1, 7 * d, 60 * d, 1},
      {{}, 3 * 60 * d, 1, 7 * d, 60 * d, 60 * d},  // v(max)
      {{}, {}, 10 * d, 7 * d, 60 * d, 10 * d},     // "7 or the minimum, whichever is greater"
      {{}, {}, d, 90 * d, 60 * d, 60 * d},         // a default above the maximum
      {{}, {}, 10 * d, 7 * d, 5 * d, 10 * d},      // a maximum below the minimum
  };
  for (const Case& c : cases) {
    VacationArguments args;
    args.days = c.days;
    args.seconds = c.seconds;
    VacationOptions options;
    options.min_period = seconds(c.min);
    options.default_period = seconds(c.def);
    options.max_period = seconds(c.max);
    EXPECT_EQ(EffectivePeriod(args, options).count(), c.expected)
        << c.days.value_or(-1) << "/" << c.seconds.value_or(-1);
  }
}

TEST(VacationTest, ComposesTheReply) {
  const auto outcomes = Deliver(kMessage, {Vacation("I am away.\nBack on Monday.", 3)});
  ASSERT_EQ(outcomes.size(), 1u);
  const VacationOutcome& o = outcomes[0];
  EXPECT_TRUE(o.sent);
  EXPECT_EQ(o.suppressed_by, "");
  EXPECT_EQ(o.to, "you@example.com");
  EXPECT_EQ(o.from, "me@example.org");
  EXPECT_EQ(o.subject, "Auto: Lunch?");
  EXPECT_EQ(o.message, "I am away.\nBack on Monday.");
  EXPECT_EQ(o.period, seconds(7 * 86400));
  EXPECT_EQ(o.store_key.substr(0, 9), "vacation:");
  ASSERT_TRUE(o.reply.has_value());
  EXPECT_EQ(o.reply->mail_from, "");  // RFC 5230 §5.1: <>
  EXPECT_EQ(o.reply->rcpt_to, "you@example.com");
  EXPECT_EQ(o.reply->bytes,
            "From: me@example.org\r\n"
            "To: \"You\" <you@example.com>\r\n"
            "Subject: Auto: Lunch?\r\n"
            "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
            "Message-ID: <r1.vacation@host.example>\r\n"
            "In-Reply-To: <m1@example.com>\r\n"
            "References: <m1@example.com>\r\n"
            "Auto-Submitted: auto-replied\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "\r\n"
            "I am away.\r\n"
            "Back on Monday.\r\n");
}

TEST(VacationTest, ExplicitArguments) {
  const vm::Action a = With(Vacation("Away"), [](VacationArguments& args) {
    args.subject =
        "Out of office: Gr\xc3\xbc\xc3\x9f"
        "e";
    args.from = "Me Myself <alias@example.org>";
    args.from_address = "alias@example.org";
    args.addresses = {"alias@example.org"};
  });
  const auto outcomes =
      Deliver("From: you@example.com\r\nTo: alias@example.org\r\nSubject: x\r\n\r\nbody\r\n", {a});
  ASSERT_TRUE(outcomes[0].sent) << outcomes[0].suppressed_by;
  EXPECT_EQ(outcomes[0].from, "alias@example.org");
  const std::string& bytes = outcomes[0].reply->bytes;
  EXPECT_EQ(bytes.substr(0, bytes.find("Date:")),
            "From: Me Myself <alias@example.org>\r\n"
            "To: <you@example.com>\r\n"
            "Subject: =?UTF-8?Q?Out_of_office=3A_Gr=C3=BC=C3=9Fe?=\r\n");
}

TEST(VacationTest, FromIsTheAddressTheMessageNames) {
  // The user's address the sender wrote (To, else Cc ...) is the reply's From.
  const auto outcomes =
      Deliver("From: you@example.com\r\nTo: a@example.net\r\nCc: ME@Example.ORG\r\n\r\nx\r\n",
              {Vacation("Away")});
  ASSERT_TRUE(outcomes[0].sent);
  EXPECT_EQ(outcomes[0].from, "ME@Example.ORG");
}

TEST(VacationTest, EveryRuleHasItsName) {
  struct Case {
    std::string name;
    std::string message;
    std::string sender;
    std::string expected;
  };
  const std::string personal = "To: me@example.org\r\nSubject: x\r\n";
  const Case cases[] = {
      {"sent", personal, "you@example.com", "sent"},
      {"null sender", personal, "<>", "null-sender"},
      {"empty sender", personal, "", "null-sender"},
      {"invalid sender", personal, "not an address", "invalid-sender"},
      {"mailer-daemon", personal, "MAILER-DAEMON@example.com", "automated-sender"},
      {"postmaster", personal, "postmaster@example.com", "automated-sender"},
      {"owner-", personal, "owner-list@example.com", "automated-sender"},
      {"-request", personal, "list-request@example.com", "automated-sender"},
      {"no-reply", personal, "no-reply@example.com", "automated-sender"},
      {"noreply", personal, "noreply@example.com", "automated-sender"},
      {"oneself", personal, "me@example.org", "sender-is-recipient"},
      {"auto-submitted", personal + "Auto-Submitted: auto-generated\r\n", "you@example.com",
       "auto-submitted"},
      {"auto-submitted no", personal + "Auto-Submitted: no\r\n", "you@example.com", "sent"},
      {"notification", personal + "Auto-Submitted: auto-notified\r\n", "you@example.com",
       "auto-submitted"},
      {"precedence bulk", personal + "Precedence: bulk\r\n", "you@example.com", "precedence"},
      {"precedence list", personal + "Precedence: list\r\n", "you@example.com", "precedence"},
      {"precedence junk", personal + "Precedence: junk\r\n", "you@example.com", "precedence"},
      {"list-id", personal + "List-Id: <l.example.com>\r\n", "you@example.com", "mailing-list"},
      {"list-unsubscribe", personal + "List-Unsubscribe: <mailto:u@example.com>\r\n",
       "you@example.com", "mailing-list"},
      {"not personal", "To: other@example.org\r\n", "you@example.com", "not-personal"},
      {"bcc", "To: other@example.org\r\nBcc: me@example.org\r\n", "you@example.com", "sent"},
      {"resent-to", "To: other@example.org\r\nResent-To: me@example.org\r\n", "you@example.com",
       "sent"},
  };
  for (const Case& c : cases) {
    const auto outcomes =
        Deliver(c.message + "\r\nbody\r\n", {Vacation("Away")}, Envelope(c.sender));
    EXPECT_EQ(Verdicts(outcomes), c.expected) << c.name;
    EXPECT_EQ(outcomes[0].reply.has_value(), c.expected == "sent") << c.name;
    EXPECT_EQ(outcomes[0].detail.empty(), outcomes[0].sent) << c.name;
  }
}

TEST(VacationTest, InvalidMimeReason) {
  const vm::Action a =
      With(Vacation("no entity"), [](VacationArguments& args) { args.mime = true; });
  const auto outcomes = Deliver(kMessage, {a});
  EXPECT_EQ(Verdicts(outcomes), "invalid-reply");
  EXPECT_EQ(outcomes[0].detail, "the :mime reason is no MIME entity: it has no MIME header fields");
}

TEST(VacationTest, RateLimit) {
  auto memory = store::SqliteResponseStore::Open(":memory:");
  ASSERT_TRUE(memory.ok());
  store::ResponseStore* store = memory->get();
  const vm::Action weekly = Vacation("Away");
  const vm::Action daily = With(Vacation("Away"), [](VacationArguments& a) { a.days = 1; });
  struct Step {
    std::string what;
    vm::Action action;
    mail::Envelope envelope;
    int64_t at;
    std::string expected;
  };
  const Step steps[] = {
      {"first", weekly, Envelope(), 0, "sent"},
      {"again", weekly, Envelope(), 3600, "rate-limit"},
      {"another sender", weekly, Envelope("other@example.com"), 3600, "sent"},
      {"sender in other case", weekly, Envelope("YOU@EXAMPLE.COM"), 3600, "rate-limit"},
      {"another user", weekly, Envelope("you@example.com", "me2@example.org"), 3600,
       "not-personal"},
      {"six days later", weekly, Envelope(), 6 * 86400, "rate-limit"},
      {"a week later", weekly, Envelope(), 7 * 86400, "sent"},
      {"another response", Vacation("Something else"), Envelope(), 7 * 86400, "sent"},
      {"daily", daily, Envelope("third@example.com"), 0, "sent"},
      {"daily, a day later", daily, Envelope("third@example.com"), 86400, "sent"},
  };
  for (const Step& s : steps) {
    const auto outcomes =
        Deliver(kMessage, {s.action}, s.envelope, Options(), store, kT0 + seconds(s.at));
    EXPECT_EQ(Verdicts(outcomes), s.expected) << s.what;
    if (s.expected == "rate-limit") {
      EXPECT_EQ(outcomes[0].detail.substr(0, 28), "a reply to you@example.com w") << s.what;
    }
  }
}

TEST(VacationTest, UsersDoNotShareRecords) {
  auto memory = store::SqliteResponseStore::Open(":memory:");
  const std::string to_both =
      "From: you@example.com\r\nTo: me@example.org, me2@example.org\r\n\r\nx\r\n";
  EXPECT_EQ(Verdicts(Deliver(to_both, {Vacation("Away")}, Envelope(), Options(), memory->get())),
            "sent");
  EXPECT_EQ(
      Verdicts(Deliver(to_both, {Vacation("Away")}, Envelope("you@example.com", "me2@example.org"),
                       Options(), memory->get())),
      "sent");
}

// RFC 5230 §4.2: responses without :handle are told apart by their
// arguments; with a :handle they are one response whatever the text.
TEST(VacationTest, ResponseTrackingExamples) {
  auto memory = store::SqliteResponseStore::Open(":memory:");
  store::ResponseStore* store = memory->get();
  auto run = [&](const vm::Action& a) {
    return Verdicts(Deliver(kMessage, {a}, Envelope(), Options(), store));
  };
  EXPECT_EQ(run(Vacation("I'm out -- send mail to cyrus-bugs")), "sent");
  EXPECT_EQ(run(Vacation("I'm out -- call me at +1 304 555 0123")), "sent");
  EXPECT_EQ(run(Vacation("I'm out -- send mail to cyrus-bugs")), "rate-limit");
  EXPECT_EQ(run(Vacation("I'm out and can't meet for lunch", 1, "ran-away")), "sent");
  EXPECT_EQ(run(Vacation("I'm out", 1, "ran-away")), "rate-limit");
  // :seconds 0 (RFC 6131): every message gets a reply, where the site allows it.
  VacationOptions no_minimum = Options();
  no_minimum.min_period = seconds(0);
  const vm::Action every =
      With(Vacation("Received.", 1, "auto-resp"), [](VacationArguments& a) { a.seconds = 0; });
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Verdicts(Deliver(kMessage, {every}, Envelope(), no_minimum, store)), "sent");
  }
}

TEST(VacationTest, StoreDown) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "sievekit-no-such-dir/responses.db").string();
  store::SqliteResponseStore down(path);
  const auto outcomes = Deliver(kMessage, {Vacation("Away")}, Envelope(), Options(), &down);
  EXPECT_EQ(Verdicts(outcomes), "store-error");
  EXPECT_EQ(outcomes[0].detail,
            "response store sqlite:" + path + ": cannot open: unable to open database file");
  EXPECT_FALSE(outcomes[0].reply.has_value());
  // A suppressed reply never asks the store.
  EXPECT_EQ(Verdicts(Deliver(kMessage, {Vacation("Away")}, Envelope("<>"), Options(), &down)),
            "null-sender");
}

// The guide's out-of-office rule beats other autoreplies: when a script
// sequence yields several vacations, only the out-of-office one replies.
TEST(VacationTest, OutOfOfficeBeatsOtherAutoreplies) {
  vm::ActionList rules_script, ooo_script, result;
  rules_script.Append() = Vacation("Thanks, we got your order.", 4, "orders");
  ooo_script.Append() = Vacation("I am out of the office.", 2, "out-of-office");
  // Either order of the scripts.
  for (bool ooo_first : {true, false}) {
    result.Clear();
    AppendScriptResult(result, (ooo_first ? ooo_script : rules_script).all(), "INBOX");
    AppendScriptResult(result, (ooo_first ? rules_script : ooo_script).all(), "INBOX");
    Parsed p{std::string(kMessage)};
    const auto outcomes =
        ExecuteVacations(result.all(), p.message, Envelope(), Options(), nullptr, kT0);
    ASSERT_EQ(outcomes.size(), 2u);
    const VacationOutcome& ooo = outcomes[ooo_first ? 0 : 1];
    const VacationOutcome& other = outcomes[ooo_first ? 1 : 0];
    EXPECT_TRUE(ooo.sent);
    EXPECT_EQ(ooo.handle, "out-of-office");
    EXPECT_FALSE(other.sent);
    EXPECT_EQ(other.suppressed_by, "superseded");
    EXPECT_EQ(other.detail, "the \"out-of-office\" vacation (line 2) replies instead");
  }
}

TEST(VacationTest, OutOfOfficeStillBeatsWhenItIsSuppressed) {
  // The out-of-office reply went out this week: the sender gets no other
  // autoreply in its place.
  auto memory = store::SqliteResponseStore::Open(":memory:");
  const std::vector<vm::Action> both = {Vacation("Order received.", 4, "orders"),
                                        Vacation("I am out.", 2, "out-of-office")};
  EXPECT_EQ(Verdicts(Deliver(kMessage, both, Envelope(), Options(), memory->get())),
            "superseded sent");
  EXPECT_EQ(Verdicts(Deliver(kMessage, both, Envelope(), Options(), memory->get())),
            "superseded rate-limit");
}

TEST(VacationTest, WithoutPreferenceTheFirstReplies) {
  const std::vector<vm::Action> two = {Vacation("First.", 1, "a"), Vacation("Second.", 9, "b")};
  const auto outcomes = Deliver(kMessage, two);
  EXPECT_EQ(Verdicts(outcomes), "sent superseded");
  EXPECT_EQ(outcomes[1].detail,
            "only one reply per message: the vacation of line 1 replies instead");
  VacationOptions other = Options();
  other.preferred_handle = "b";
  EXPECT_EQ(Verdicts(Deliver(kMessage, two, Envelope(), other)), "superseded sent");
  other.preferred_handle.clear();
  const std::vector<vm::Action> with_ooo = {Vacation("First."),
                                            Vacation("Out.", 2, "out-of-office")};
  EXPECT_EQ(Verdicts(Deliver(kMessage, with_ooo, Envelope(), other)), "sent superseded");
}

TEST(VacationTest, HostOptions) {
  // send_from_recipient: MAIL FROM is the recipient instead of <>.
  VacationOptions o = Options();
  o.send_from_recipient = true;
  auto outcomes = Deliver(kMessage, {Vacation("Away")}, Envelope(), o);
  EXPECT_EQ(outcomes[0].reply->mail_from, "me@example.org");
  // to_header_ignore_envelope: To from Sender/From even when the envelope
  // sender (rewritten by a forwarder) is another address.
  o = Options();
  o.to_header_ignore_envelope = true;
  outcomes = Deliver(kMessage, {Vacation("Away")}, Envelope("srs0=x=y@fwd.example"), o);
  EXPECT_NE(outcomes[0].reply->bytes.find("\r\nTo: \"You\" <you@example.com>\r\n"),
            std::string::npos);
  EXPECT_EQ(outcomes[0].reply->rcpt_to, "srs0=x=y@fwd.example");
  // Subject template and default.
  o = Options();
  o.subject_template = "Re: %{subject} [away]";
  EXPECT_EQ(Deliver(kMessage, {Vacation("Away")}, Envelope(), o)[0].subject, "Re: Lunch? [away]");
  o.default_subject = "Away from my desk";
  EXPECT_EQ(
      Deliver("To: me@example.org\r\n\r\nx\r\n", {Vacation("Away")}, Envelope(), o)[0].subject,
      "Away from my desk");
  // The user's known address and aliases count as the user's.
  const std::string to_alias = "From: you@example.com\r\nTo: Me <me@corp.example>\r\n\r\nx\r\n";
  EXPECT_EQ(Verdicts(Deliver(to_alias, {Vacation("Away")})), "not-personal");
  o = Options();
  o.user_email = "me@corp.example";
  outcomes = Deliver(to_alias, {Vacation("Away")}, Envelope(), o);
  EXPECT_EQ(Verdicts(outcomes), "sent");
  EXPECT_EQ(outcomes[0].from, "me@corp.example");
  o = Options();
  o.user_addresses = {"me@corp.example"};
  EXPECT_EQ(Verdicts(Deliver(to_alias, {Vacation("Away")}, Envelope(), o)), "sent");
  o = Options();
  o.use_original_recipient = true;
  mail::Envelope forwarded = Envelope();
  forwarded.original_recipient = "me@corp.example";
  EXPECT_EQ(Verdicts(Deliver(to_alias, {Vacation("Away")}, forwarded, o)), "sent");
  // The host checks personal mail itself.
  o = Options();
  o.check_recipient = false;
  outcomes = Deliver("From: you@example.com\r\nTo: list@example.org\r\n\r\nx\r\n",
                     {Vacation("Away")}, Envelope(), o);
  EXPECT_EQ(Verdicts(outcomes), "sent");
  EXPECT_EQ(outcomes[0].from, "me@example.org");
  // The host's own never-reply list.
  o = Options();
  o.never_reply_to = {"you"};
  EXPECT_EQ(Verdicts(Deliver(kMessage, {Vacation("Away")}, Envelope(), o)), "automated-sender");
}

TEST(VacationTest, TwoDeliveriesRaceOnOneStore) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("sievekit-vacation-race-" + std::to_string(getpid()) + ".db"))
                               .string();
  std::filesystem::remove(path);
  std::atomic<int> sent{0};
  std::latch start(2);
  auto delivery = [&] {
    store::SqliteResponseStore store(path);  // each delivery its own connection
    start.arrive_and_wait();
    for (int i = 0; i < 50; ++i) {
      const auto outcomes =
          Deliver(kMessage, {Vacation("Away " + std::to_string(i))}, Envelope(), Options(), &store);
      if (outcomes[0].sent) ++sent;
    }
  };
  std::thread a(delivery), b(delivery);
  a.join();
  b.join();
  EXPECT_EQ(sent.load(), 50);  // one reply per response, never two
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace sievekit::delivery
