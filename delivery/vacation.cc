// Carrying out vacation actions (see vacation.h).
#include "delivery/vacation.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "delivery/redirect.h"
#include "delivery/rejection.h"
#include "delivery/vacation_reply.h"
#include "store/response_key.h"

namespace sievekit::delivery {
namespace {

std::string RandomId() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("{:016x}", rng());
}

void AddOwn(mail::Message& message, std::string_view text, std::vector<std::string>* own) {
  std::string canonical = CanonicalAddress(message, text);
  if (!canonical.empty() && std::find(own->begin(), own->end(), canonical) == own->end()) {
    own->push_back(std::move(canonical));
  }
}

// Everything about one vacation action that does not depend on the others.
struct Prepared {
  VacationArguments args;
  RuleInput rules;
  std::string sender_as_given;  // the envelope sender without brackets
  std::string matched;          // the user's address as the message names it
  VacationOutcome outcome;
  ReplyParts parts;
};

Prepared Prepare(const vm::Action& action, size_t index, mail::Message& message,
                 const mail::Envelope& envelope, const VacationOptions& options) {
  Prepared p;
  p.args = VacationArguments::FromAction(action);
  const VacationArguments& args = p.args;
  p.sender_as_given = std::string(StripAngles(envelope.mail_from));
  RuleInput& in = p.rules;
  in.sender_is_null = p.sender_as_given.empty();
  if (!in.sender_is_null) in.sender = CanonicalAddress(message, p.sender_as_given);
  in.sender_is_invalid = !in.sender_is_null && in.sender.empty();
  AddOwn(message, envelope.rcpt_to, &in.own);
  if (!options.user_email.empty()) AddOwn(message, options.user_email, &in.own);
  for (const std::string& a : options.user_addresses) AddOwn(message, a, &in.own);
  if (options.use_original_recipient) AddOwn(message, envelope.original_recipient, &in.own);
  for (const std::string& a : args.addresses) AddOwn(message, a, &in.own);
  in.never_reply_to = options.never_reply_to;
  in.check_recipient = options.check_recipient;
  // Which of the user's addresses the message names (the reply comes from
  // it, RFC 5230 §5.4 "the address of the owner of the Sieve script").
  (void)CheckPersonal(message, in, &p.matched);

  VacationOutcome& o = p.outcome;
  o.action_index = index;
  o.to = p.sender_as_given;
  if (args.from) {
    o.from = args.from_address;
    p.parts.from = *args.from;
  } else {
    const std::string_view fallback = !p.matched.empty() ? std::string_view(p.matched)
                                      : !options.user_email.empty()
                                          ? StripAngles(options.user_email)
                                          : StripAngles(envelope.rcpt_to);
    o.from = std::string(fallback);
    p.parts.from = o.from;
  }
  in.reply_from = CanonicalAddress(message, o.from);
  o.subject = args.subject
                  ? *args.subject
                  : DefaultReplySubject(message, options.subject_template, options.default_subject,
                                        options.max_subject_characters);
  o.message = args.reason;
  o.mime = args.mime;
  o.handle = args.handle.value_or("");
  o.response = args.response;
  o.period = EffectivePeriod(args, options);
  if (!in.sender.empty()) {
    std::string user = CanonicalAddress(message, options.user_email);
    if (user.empty()) user = CanonicalAddress(message, envelope.rcpt_to);
    if (user.empty()) user = std::string(StripAngles(envelope.rcpt_to));
    o.store_key = store::ResponseKey("vacation", {"v1", user, in.sender, args.response});
  }
  return p;
}

void Suppress(VacationOutcome& o, std::string_view rule, std::string detail) {
  o.sent = false;
  o.suppressed_by = std::string(rule);
  o.detail = std::move(detail);
}

// Composes the reply of `p` into p.outcome.reply, or suppresses it.
bool Compose(Prepared& p, mail::Message& message, const mail::Envelope& envelope,
             const VacationOptions& options) {
  VacationOutcome& o = p.outcome;
  if (p.rules.reply_from.empty()) {
    Suppress(o, suppressed::kInvalidReply, "there is no valid address to send the reply from");
    return false;
  }
  if (o.mime) {
    if (const std::string why = CheckMimeEntity(o.message); !why.empty()) {
      Suppress(o, suppressed::kInvalidReply, "the :mime reason is no MIME entity: " + why);
      return false;
    }
  }
  ReplyParts& parts = p.parts;
  parts.to =
      ReplyToField(message, p.rules.sender, p.sender_as_given, options.to_header_ignore_envelope);
  parts.subject = o.subject;
  parts.date = options.date.empty() ? Rfc5322Now() : options.date;
  parts.message_id = !options.message_id.empty()
                         ? options.message_id
                         : fmt::format("<{}.vacation@{}>", RandomId(), options.host_name);
  ThreadingFields(message, &parts.in_reply_to, &parts.references);
  parts.mime = o.mime;
  parts.body = o.message;
  OutgoingMessage reply;
  // RFC 5230 §5.1: the null sender, so that nothing ever answers a reply.
  if (options.send_from_recipient) {
    reply.mail_from = std::string(!envelope.rcpt_to.empty() ? StripAngles(envelope.rcpt_to)
                                                            : StripAngles(options.user_email));
  }
  reply.rcpt_to = p.sender_as_given;  // RFC 5230 §4: always the envelope sender
  reply.bytes = RenderReply(parts);
  o.reply = std::move(reply);
  return true;
}

}  // namespace

std::chrono::seconds EffectivePeriod(const VacationArguments& args,
                                     const VacationOptions& options) {
  using std::chrono::seconds;
  const seconds min = std::max(options.min_period, seconds(0));
  const seconds max = std::max(options.max_period, min);
  if (args.seconds) {
    // RFC 6131 §2: v(eff) is v(spec) within [v(min), v(max)].
    return std::clamp(seconds(std::max<int64_t>(*args.seconds, 0)), min, max);
  }
  if (args.days) {
    // RFC 5230 §4.1: the minimum is greater than 0 for :days.
    const seconds day_min = std::max(min, seconds(1));
    const int64_t days = std::max<int64_t>(*args.days, 0);
    if (days > max.count() / kDay.count()) return std::max(max, day_min);
    return std::clamp(seconds(days * kDay.count()), day_min, std::max(max, day_min));
  }
  // "the default value is either 7 or the minimum value ..., whichever is
  // greater" — and never above the maximum.
  return std::clamp(std::max(options.default_period, min), min, max);
}

std::vector<VacationOutcome> ExecuteVacations(std::span<const vm::Action> actions,
                                              mail::Message& message,
                                              const mail::Envelope& envelope,
                                              const VacationOptions& options,
                                              store::ResponseStore* store, store::TimePoint now) {
  std::vector<size_t> indices;
  for (size_t i = 0; i < actions.size(); ++i) {
    if (actions[i].type == kVacationType) indices.push_back(i);
  }
  std::vector<VacationOutcome> outcomes;
  if (indices.empty()) return outcomes;
  // The one that may reply: the preferred handle's, else the first.
  size_t chosen = indices.front();
  bool preferred = false;
  if (!options.preferred_handle.empty()) {
    for (size_t i : indices) {
      const VacationArguments args = VacationArguments::FromAction(actions[i]);
      if (args.handle && *args.handle == options.preferred_handle) {
        chosen = i;
        preferred = true;
        break;
      }
    }
  }
  for (size_t i : indices) {
    Prepared p = Prepare(actions[i], i, message, envelope, options);
    VacationOutcome& o = p.outcome;
    if (i != chosen) {
      Suppress(o, suppressed::kSuperseded,
               preferred ? fmt::format("the \"{}\" vacation (line {}) replies instead",
                                       options.preferred_handle, actions[chosen].line)
                         : fmt::format("only one reply per message: the vacation of line {} "
                                       "replies instead",
                                       actions[chosen].line));
    } else if (auto verdict = CheckDoNotReply(message, p.rules, nullptr)) {
      Suppress(o, verdict->rule, std::move(verdict->detail));
    } else if (Compose(p, message, envelope, options)) {
      Result<bool> reserved =
          store != nullptr ? store->Reserve(o.store_key, o.period, now) : Result<bool>(true);
      if (!reserved.ok()) {
        Suppress(o, suppressed::kStoreError, reserved.error().message);
        o.reply.reset();
      } else if (!*reserved) {
        Suppress(o, suppressed::kRateLimit,
                 fmt::format("a reply to {} was sent within the last {} seconds", p.rules.sender,
                             o.period.count()));
        o.reply.reset();
      } else {
        o.sent = true;
      }
    }
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace sievekit::delivery
