// header, address, exists and size (RFC 5228 §5.1, 5.5, 5.7, 5.9).
#include "extensions/core/core_tests.h"

#include <fmt/format.h>

namespace sievekit::extensions {
namespace {

using vm::EvalContext;
using vm::KeyMatcher;
using vm::RuntimeString;

// A header-name argument, with its index hash computed at prepare time when
// it is constant: a script looks the same names up in every message.
struct HeaderName {
  RuntimeString name;
  mail::HeaderIndex::NameKey key;  // mail::HeaderIndex::KeyOf(name) when constant
};

std::vector<HeaderName> PrepareNames(std::vector<RuntimeString> names) {
  std::vector<HeaderName> out;
  out.reserve(names.size());
  for (RuntimeString& n : names) {
    const mail::HeaderIndex::NameKey key =
        n.is_constant() ? mail::HeaderIndex::KeyOf(n.constant()) : mail::HeaderIndex::NameKey{};
    out.push_back({std::move(n), key});
  }
  return out;
}

// The fields named n; `buffer` holds the expansion of a name with variables.
mail::FieldRange FieldsNamed(EvalContext& ctx, const HeaderName& n, std::string* buffer) {
  if (n.name.is_constant()) return ctx.message().FieldsNamed(n.name.constant(), n.key);
  return ctx.message().FieldsNamed(ctx.Expand(n.name, buffer));
}

// header [COMPARATOR] [MATCH-TYPE] <header-names> <key-list>: true when any
// value of any named header matches any key (RFC 5228 §5.7). Values are
// unfolded, RFC 2047-decoded and trimmed by mail::Message::Decoded.
class HeaderTest final : public vm::PreparedCall {
 public:
  HeaderTest(std::vector<RuntimeString> names, KeyMatcher keys)
      : names_(PrepareNames(std::move(names))), keys_(std::move(keys)) {}

  bool Run(EvalContext& ctx) const override {
    mail::Message& message = ctx.message();
    std::string& name_buffer = ctx.scratch(2);
    uint64_t count = 0;
    for (const HeaderName& n : names_) {
      for (const mail::HeaderField& field : FieldsNamed(ctx, n, &name_buffer)) {
        if (keys_.is_count()) {
          ++count;
        } else if (keys_.Match(ctx, message.Decoded(field))) {
          return true;
        }
      }
    }
    return keys_.is_count() && keys_.MatchCount(ctx, count);
  }

 private:
  std::vector<HeaderName> names_;
  KeyMatcher keys_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareHeader(const ir::Call& call,
                                                        vm::PrepareContext& context) {
  auto keys = KeyMatcher::Prepare(call, call.positional[1], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(
      new HeaderTest(context.Strings(call.positional[0]), std::move(*keys)));
}

// address [COMPARATOR] [ADDRESS-PART] [MATCH-TYPE] <header-list> <key-list>
// (RFC 5228 §5.1): every mailbox of every named header, groups included.
class AddressTest final : public vm::PreparedCall {
 public:
  AddressTest(std::vector<RuntimeString> names, const vm::AddressPartRuntime& part,
              KeyMatcher keys)
      : names_(PrepareNames(std::move(names))), part_(part), keys_(std::move(keys)) {}

  bool Run(EvalContext& ctx) const override {
    mail::Message& message = ctx.message();
    std::string& name_buffer = ctx.scratch(2);
    uint64_t count = 0;
    for (const HeaderName& n : names_) {
      for (const mail::HeaderField& field : FieldsNamed(ctx, n, &name_buffer)) {
        const std::span<const mail::Address> addresses = message.Addresses(field);
        for (const mail::Address& address : addresses) {
          if (keys_.is_count()) {
            ++count;
          } else if (MatchAddress(ctx, part_, keys_, address)) {
            return true;
          }
        }
        // A blank field holds no address-list at all: like any invalid
        // address its text ("") is what :all sees, and it has no local part
        // or domain (§2.4.2.3). It counts as no address.
        if (addresses.empty() && !keys_.is_count() && message.Decoded(field).empty() &&
            MatchAddress(ctx, part_, keys_, mail::Address{})) {
          return true;
        }
      }
    }
    return keys_.is_count() && keys_.MatchCount(ctx, count);
  }

 private:
  std::vector<HeaderName> names_;
  const vm::AddressPartRuntime& part_;
  KeyMatcher keys_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareAddress(const ir::Call& call,
                                                         vm::PrepareContext& context) {
  auto keys = KeyMatcher::Prepare(call, call.positional[1], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(
      new AddressTest(context.Strings(call.positional[0]), AddressPartOf(call), std::move(*keys)));
}

// exists <header-names>: true when every named header is present (§5.5).
class ExistsTest final : public vm::PreparedCall {
 public:
  explicit ExistsTest(std::vector<RuntimeString> names)
      : names_(PrepareNames(std::move(names))) {}

  bool Run(EvalContext& ctx) const override {
    std::string& name_buffer = ctx.scratch(2);
    for (const HeaderName& n : names_) {
      if (FieldsNamed(ctx, n, &name_buffer).empty()) return false;
    }
    return true;
  }

 private:
  std::vector<HeaderName> names_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareExists(const ir::Call& call,
                                                        vm::PrepareContext& context) {
  return std::unique_ptr<vm::PreparedCall>(new ExistsTest(context.Strings(call.positional[0])));
}

// size <":over" / ":under"> <limit>: strictly greater or less (§5.9), of
// the size on the wire (bare LFs count as CRLF).
class SizeTest final : public vm::PreparedCall {
 public:
  SizeTest(bool over, uint64_t limit) : over_(over), limit_(limit) {}

  bool Run(EvalContext& ctx) const override {
    // The wire size lies between the stored size and twice it (each byte is
    // one octet, or two for a bare LF), which usually decides the test
    // without counting line ends through the whole message.
    const uint64_t stored = ctx.message().size();
    if (over_ ? stored > limit_ : 2 * stored < limit_) return true;
    if (over_ ? 2 * stored <= limit_ : stored >= limit_) return false;
    const uint64_t size = ctx.message().wire_size();
    return over_ ? size > limit_ : size < limit_;
  }

 private:
  bool over_;
  uint64_t limit_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareSize(const ir::Call& call,
                                                      vm::PrepareContext& /*context*/) {
  const bool over = call.HasTag("over");
  if (!over && !call.HasTag("under")) return Error{"size needs :over or :under"};
  return std::unique_ptr<vm::PreparedCall>(new SizeTest(over, call.positional[0].number));
}

bool ExtractAll(const EvalContext& /*ctx*/, const mail::Address& a, std::string_view* part) {
  *part = a.all;
  return true;
}

// RFC 5228 §2.4.2.3: an address that is not syntactically valid is not
// matched by :localpart or :domain.
bool ExtractLocalPart(const EvalContext& /*ctx*/, const mail::Address& a,
                      std::string_view* part) {
  if (!a.valid) return false;
  *part = a.local_part;
  return true;
}

bool ExtractDomain(const EvalContext& /*ctx*/, const mail::Address& a, std::string_view* part) {
  // A path with a local part only ("<postmaster>") has no domain to match.
  if (!a.valid || a.domain.empty()) return false;
  *part = a.domain;
  return true;
}

}  // namespace

const vm::CallRuntime kHeaderRuntime{PrepareHeader};
const vm::CallRuntime kAddressRuntime{PrepareAddress};
const vm::CallRuntime kExistsRuntime{PrepareExists};
const vm::CallRuntime kSizeRuntime{PrepareSize};
const vm::AddressPartRuntime kAllPartRuntime{ExtractAll};
const vm::AddressPartRuntime kLocalPartRuntime{ExtractLocalPart};
const vm::AddressPartRuntime kDomainPartRuntime{ExtractDomain};

bool MatchAddress(EvalContext& ctx, const vm::AddressPartRuntime& part, const KeyMatcher& keys,
                  const mail::Address& address) {
  std::string_view value;
  if (!part.extract(ctx, address, &value)) return false;
  return keys.Match(ctx, value);
}

const vm::AddressPartRuntime& AddressPartOf(const ir::Call& call) {
  if (call.address_part != nullptr && call.address_part->runtime != nullptr) {
    return *call.address_part->runtime;
  }
  return kAllPartRuntime;
}

}  // namespace sievekit::extensions
