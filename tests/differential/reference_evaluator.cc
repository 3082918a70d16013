// The reference evaluator; see the header. One class walks the IR: a
// statement list runs statement by statement, an `if` tries its branches in
// order, a test is evaluated recursively, and every command or test is
// dispatched on its name. Matching is delegated to reference_matchers.h.
#include "tests/differential/reference_evaluator.h"

#include <optional>
#include <utility>

#include "mail/address.h"
#include "mail/message.h"
#include "tests/differential/reference_matchers.h"

namespace sievekit::differential {
namespace {

// Two redirect targets are the same mailbox when their local parts are equal
// and their domains equal ignoring case (RFC 5321 §2.4: domains are
// case-insensitive; local parts are the receiving host's business).
bool SameRedirectAddress(const std::string& a, const std::string& b) {
  const size_t at_a = a.rfind('@');
  const size_t at_b = b.rfind('@');
  if (at_a == std::string::npos || at_b == std::string::npos) return a == b;
  if (a.compare(0, at_a, b, 0, at_b) != 0) return false;
  const std::string_view da = std::string_view(a).substr(at_a + 1);
  const std::string_view db = std::string_view(b).substr(at_b + 1);
  if (da.size() != db.size()) return false;
  for (size_t i = 0; i < da.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(da[i])) !=
        std::tolower(static_cast<unsigned char>(db[i]))) {
      return false;
    }
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  return out;
}

// RFC 5228 §5.7: header values are compared "ignoring leading and trailing
// whitespace".
std::string_view TrimWhitespace(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// RFC 5228 §5.9: the size is "the number of octets in the [IMAIL]
// representation of the message", where every line ends in CRLF (RFC 5322
// §2.1); a message handed over with bare LF line ends is counted as it was
// on the wire, one more octet per bare LF.
uint64_t ImailSize(std::string_view bytes) {
  uint64_t size = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const bool bare_lf = bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r');
    size += bare_lf ? 2 : 1;
  }
  return size;
}

// IMAP names INBOX case-insensitively (RFC 3501 §5.1); any other mailbox
// name is compared exactly.
bool SameMailbox(std::string_view a, std::string_view b) {
  if (Lower(a) == "inbox" && Lower(b) == "inbox") return true;
  return a == b;
}

bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// RFC 5322 §3.2.3 dot-atom-text: atext runs joined by single dots.
bool IsDotAtom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.') {
      if (s[i + 1] == '.') return false;
    } else if (!IsAtext(s[i])) {
      return false;
    }
  }
  return true;
}

// The addr-spec a redirect sends to, from a sieve-address (RFC 5228
// §2.4.2.3: `addr-spec` or `phrase "<" addr-spec ">"`): the display name and
// the angle brackets go, and a quoted local part loses its quotes when it
// reads the same without them. The scripts this evaluator runs use no
// comments in addresses, so none are handled.
std::string RedirectTarget(std::string_view text) {
  std::string_view spec = TrimWhitespace(text);
  const size_t open = spec.rfind('<');
  if (open != std::string_view::npos) {
    const size_t close = spec.find('>', open);
    spec = TrimWhitespace(spec.substr(open + 1, close - open - 1));
  }
  const size_t at = spec.rfind('@');
  std::string local(spec.substr(0, at));
  const std::string_view domain = spec.substr(at + 1);
  if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
    std::string unquoted;
    for (size_t i = 1; i + 1 < local.size(); ++i) {
      if (local[i] == '\\' && i + 2 < local.size()) ++i;
      unquoted.push_back(local[i]);
    }
    if (IsDotAtom(unquoted)) local = unquoted;
  }
  return local + "@" + std::string(domain);
}

// What a test gathered from the message before matching: how many entities
// it looked at (header fields, addresses, envelope paths — what :count
// counts, RFC 5231 §4.2) and the strings keys are matched against (entities
// whose address part does not exist contribute none).
struct Gathered {
  uint64_t entities = 0;
  std::vector<std::string> values;
};

class ReferenceRun {
 public:
  ReferenceRun(std::string_view message_bytes, const mail::Envelope& envelope,
               const ReferenceOptions& options, ReferenceStats* stats)
      : envelope_(envelope), options_(options), stats_(stats), size_(ImailSize(message_bytes)) {
    message_.Parse(message_bytes);
  }

  ReferenceResult Run(const ir::Script& script) {
    RunBlock(script.body);
    if (!result_.error.empty()) {
      result_.actions.clear();
      result_.implicit_keep = true;
      return result_;
    }
    result_.implicit_keep = true;
    for (const ReferenceAction& a : result_.actions) {
      if (a.cancels_implicit_keep) result_.implicit_keep = false;
    }
    return result_;
  }

 private:
  // Whether evaluation goes on after a statement: false after stop or a
  // runtime error.
  bool RunBlock(const std::vector<ir::Statement>& block) {
    for (const ir::Statement& statement : block) {
      if (!RunStatement(statement)) return false;
    }
    return true;
  }

  bool RunStatement(const ir::Statement& statement) {
    switch (statement.kind) {
      case ir::Statement::Kind::kStop:
        return false;
      case ir::Statement::Kind::kIf:
        for (const ir::Branch& branch : statement.branches) {
          const bool holds = Holds(branch.condition);
          if (Failed()) return false;
          if (holds) return RunBlock(branch.body);
        }
        if (statement.else_body) return RunBlock(*statement.else_body);
        return true;
      case ir::Statement::Kind::kCall:
        RunCommand(statement.call);
        return !Failed();
    }
    return true;
  }

  bool Holds(const ir::Test& test) {
    switch (test.kind) {
      case ir::Test::Kind::kTrue:
        return true;
      case ir::Test::Kind::kFalse:
        return false;
      case ir::Test::Kind::kNot:
        return !Holds(test.children.at(0));
      case ir::Test::Kind::kAnyOf:
        for (const ir::Test& child : test.children) {
          if (Holds(child)) return true;
        }
        return false;
      case ir::Test::Kind::kAllOf:
        for (const ir::Test& child : test.children) {
          if (!Holds(child)) return false;
        }
        return true;
      case ir::Test::Kind::kCall: {
        const bool holds = CallHolds(test.call);
        if (stats_ != nullptr) {
          ++stats_->tests;
          if (holds) ++stats_->true_tests;
        }
        return holds;
      }
    }
    return false;
  }

  bool CallHolds(const ir::Call& call) {
    const std::string& name = call.spec->name;
    if (name == "exists") {
      for (const ir::StringValue& header : call.positional[0].strings) {
        if (message_.FieldsNamed(header.text).empty()) return false;
      }
      return true;
    }
    if (name == "size") {
      const uint64_t limit = call.positional[0].number;
      return call.HasTag("over") ? size_ > limit : size_ < limit;
    }
    std::optional<KeyTest> key_test = KeyTestOf(call);
    if (!key_test) return false;
    Gathered gathered;
    if (name == "header") {
      gathered = GatherHeaders(call);
    } else if (name == "address") {
      gathered = GatherAddresses(call);
    } else if (name == "envelope") {
      gathered = GatherEnvelope(call);
    } else {
      Fail("unsupported", "the reference evaluator has no test '" + name + "'");
      return false;
    }
    return MatchesAnyKey(*key_test, gathered, call.positional[1]);
  }

  std::optional<KeyTest> KeyTestOf(const ir::Call& call) {
    KeyTest key_test;
    std::optional<Comparator> comparator =
        ComparatorNamed(call.comparator != nullptr ? call.comparator->name : "i;ascii-casemap");
    std::optional<MatchType> match_type =
        MatchTypeNamed(call.match_type != nullptr ? call.match_type->tag->name : "is");
    if (!comparator || !match_type) {
      Fail("unsupported", "the reference evaluator lacks the comparator or match type of '" +
                              call.spec->name + "'");
      return std::nullopt;
    }
    key_test.comparator = *comparator;
    key_test.match_type = *match_type;
    key_test.relational_op = Lower(call.relational_op);
    return key_test;
  }

  std::optional<AddressPart> AddressPartOf(const ir::Call& call) {
    std::optional<AddressPart> part =
        AddressPartNamed(call.address_part != nullptr ? call.address_part->tag->name : "all");
    if (!part) Fail("unsupported", "the reference evaluator lacks this address part");
    return part;
  }

  // header: every field of every listed name, each name counted on its own
  // (RFC 5231 §4.2 adds the counts of the names together).
  Gathered GatherHeaders(const ir::Call& call) {
    Gathered gathered;
    for (const ir::StringValue& name : call.positional[0].strings) {
      for (const mail::HeaderField& field : message_.FieldsNamed(name.text)) {
        ++gathered.entities;
        gathered.values.emplace_back(TrimWhitespace(message_.Decoded(field)));
      }
    }
    return gathered;
  }

  // address: every mailbox of every listed header (groups contribute their
  // members, RFC 5228 §5.1).
  Gathered GatherAddresses(const ir::Call& call) {
    Gathered gathered;
    const std::optional<AddressPart> part = AddressPartOf(call);
    if (!part) return gathered;
    for (const ir::StringValue& name : call.positional[0].strings) {
      for (const mail::HeaderField& field : message_.FieldsNamed(name.text)) {
        const std::span<const mail::Address> addresses = message_.Addresses(field);
        for (const mail::Address& address : addresses) {
          ++gathered.entities;
          std::optional<std::string> value =
              ExtractAddressPart(*part, address, options_.subaddress_separator);
          if (value) gathered.values.push_back(std::move(*value));
        }
        // A blank field is one invalid address whose text is "" (only :all
        // sees it); it is no address for :count.
        if (addresses.empty() && TrimWhitespace(message_.Decoded(field)).empty() &&
            *part == AddressPart::kAll) {
          gathered.values.emplace_back();
        }
      }
    }
    return gathered;
  }

  // envelope: "from" is MAIL FROM, "to" the RCPT TO (case-insensitive). The
  // null reverse-path is "" whatever the address part (RFC 5228 §5.4) and
  // counts as no address (RFC 5231 §4.2: "0 if the MAIL FROM is empty").
  Gathered GatherEnvelope(const ir::Call& call) {
    Gathered gathered;
    const std::optional<AddressPart> part = AddressPartOf(call);
    if (!part) return gathered;
    for (const ir::StringValue& name : call.positional[0].strings) {
      const std::string lower = Lower(name.text);
      std::string path;
      if (lower == "from") {
        path = envelope_.mail_from;
      } else if (lower == "to") {
        path = envelope_.rcpt_to;
      } else {
        continue;
      }
      const mail::EnvelopePath parsed = message_.ParseEnvelopePath(path);
      if (parsed.is_null) {
        gathered.values.emplace_back();
        continue;
      }
      ++gathered.entities;
      std::optional<std::string> value =
          ExtractAddressPart(*part, parsed.address, options_.subaddress_separator);
      if (value) gathered.values.push_back(std::move(*value));
    }
    return gathered;
  }

  static bool MatchesAnyKey(const KeyTest& key_test, const Gathered& gathered,
                            const ir::Value& keys) {
    for (const ir::StringValue& key : keys.strings) {
      if (key_test.match_type == MatchType::kCount) {
        if (MatchCount(key_test, gathered.entities, key.text)) return true;
        continue;
      }
      for (const std::string& value : gathered.values) {
        if (MatchValue(key_test, value, key.text)) return true;
      }
    }
    return false;
  }

  void RunCommand(const ir::Call& call) {
    const std::string& name = call.spec->name;
    ReferenceAction action;
    action.type = name;
    action.copy = call.HasTag("copy");
    // RFC 3894: with :copy, fileinto and redirect leave the implicit keep
    // alone; keep, discard and the plain forms cancel it (RFC 5228 §2.10.2).
    action.cancels_implicit_keep = !action.copy;
    if (name == "keep" || name == "discard") {
      action.copy = false;
      action.cancels_implicit_keep = true;
    } else if (name == "fileinto") {
      action.mailbox = call.positional[0].str();
    } else if (name == "redirect") {
      action.address = RedirectTarget(call.positional[0].str());
    } else {
      Fail("unsupported", "the reference evaluator has no command '" + name + "'");
      return;
    }
    AddAction(std::move(action));
  }

  // The mailbox an action stores into, or nullopt when it stores nowhere.
  std::optional<std::string> StoresInto(const ReferenceAction& a) const {
    if (a.type == "keep") return options_.default_mailbox;
    if (a.type == "fileinto") return a.mailbox;
    return std::nullopt;
  }

  bool SameDestination(const ReferenceAction& a, const ReferenceAction& b) const {
    const std::optional<std::string> a_box = StoresInto(a);
    const std::optional<std::string> b_box = StoresInto(b);
    if (a_box && b_box) return SameMailbox(*a_box, *b_box);
    if (a.type == "redirect" && b.type == "redirect") return SameRedirectAddress(a.address, b.address);
    return a.type == "discard" && b.type == "discard";
  }

  // RFC 5228 §2.10.3: a second store into the same mailbox (keep being a
  // store into the default one) is the same action; so is a second redirect
  // to the same address, or a second discard. The first record stays where
  // it is; it cancels the implicit keep when any of the merged ones did, and
  // is a copy only when all of them were.
  void AddAction(ReferenceAction action) {
    for (ReferenceAction& earlier : result_.actions) {
      if (SameDestination(earlier, action)) {
        earlier.cancels_implicit_keep =
            earlier.cancels_implicit_keep || action.cancels_implicit_keep;
        earlier.copy = earlier.copy && action.copy;
        return;
      }
    }
    result_.actions.push_back(std::move(action));
    size_t redirects = 0;
    for (const ReferenceAction& a : result_.actions) {
      if (a.type == "redirect") ++redirects;
    }
    if (redirects > options_.max_redirects) {
      Fail("max-redirects", "more redirects than the site allows");
    } else if (result_.actions.size() > options_.max_actions) {
      Fail("max-actions", "more actions than the site allows");
    }
  }

  void Fail(std::string id, std::string message) {
    if (!result_.error.empty()) return;
    result_.error = std::move(id);
    result_.error_message = std::move(message);
  }
  bool Failed() const { return !result_.error.empty(); }

  mail::Message message_;
  const mail::Envelope& envelope_;
  const ReferenceOptions& options_;
  ReferenceStats* stats_;
  const uint64_t size_;
  ReferenceResult result_;
};

}  // namespace

ReferenceResult EvaluateReference(const ir::Script& script, std::string_view message_bytes,
                                  const mail::Envelope& envelope, const ReferenceOptions& options,
                                  ReferenceStats* stats) {
  return ReferenceRun(message_bytes, envelope, options, stats).Run(script);
}

std::string DescribeReferenceResult(const ReferenceResult& result) {
  std::string out;
  auto add = [&out](const std::string& item) {
    if (!out.empty()) out += ' ';
    out += item;
  };
  if (!result.error.empty()) add("error:" + result.error);
  for (const ReferenceAction& a : result.actions) {
    std::string item = a.type;
    if (!a.mailbox.empty()) item += ":" + a.mailbox;
    if (!a.address.empty()) item += ":" + a.address;
    if (a.copy) item += "(copy)";
    add(item);
  }
  if (result.implicit_keep) add("keep*");
  return out;
}

}  // namespace sievekit::differential
