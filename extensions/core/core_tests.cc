// header, address, exists and size (RFC 5228 §5.1, 5.5, 5.7, 5.9).
#include "extensions/core/core_tests.h"

#include <fmt/format.h>

#include <string>

#include "vm/eval_context.h"

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

// The operand id (vm::PrepareContext::OperandId) of a test that reads the
// named fields in the way `kind` says and matches them under `keys`, or
// kNoOperand when the values cannot be shared: names with variables, or
// :count, which counts fields or addresses rather than matching values.
uint32_t SharedOperand(vm::PrepareContext& context, std::string_view kind,
                       const std::vector<HeaderName>& names, const KeyMatcher& keys) {
  if (keys.is_count()) return vm::OperandCache::kNoOperand;
  std::string description(kind);
  description += '\0';
  description += static_cast<char>(keys.spec().comparator);
  for (const HeaderName& n : names) {
    if (!n.name.is_constant()) return vm::OperandCache::kNoOperand;
    description += '\0';
    // Field names compare without case (the index finds either spelling).
    for (const char c : n.name.constant()) {
      description += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return context.OperandId(description);
}

// header [COMPARATOR] [MATCH-TYPE] <header-names> <key-list>: true when any
// value of any named header matches any key (RFC 5228 §5.7). Values are
// unfolded, RFC 2047-decoded and trimmed by mail::Message::Decoded.
class HeaderTest final : public vm::PreparedCall {
 public:
  HeaderTest(std::vector<RuntimeString> names, KeyMatcher keys, vm::PrepareContext& context)
      : names_(PrepareNames(std::move(names))), keys_(std::move(keys)) {
    operand_ = SharedOperand(context, "header", names_, keys_);
  }

  bool Run(EvalContext& ctx) const override {
    if (operand_ != vm::OperandCache::kNoOperand) {
      for (vm::OperandValue& value : Values(ctx)) {
        if (keys_.Match(ctx, value)) return true;
      }
      return false;
    }
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
  // The decoded values of the named fields, in the order Run meets them,
  // collected by the first test of the message that asks.
  std::span<vm::OperandValue> Values(EvalContext& ctx) const {
    vm::OperandCache& cache = ctx.operand_cache();
    mail::Message& message = ctx.message();
    std::span<vm::OperandValue> values;
    if (cache.Find(operand_, message, &values)) return values;
    cache.Start(message, keys_.spec().comparator);
    for (const HeaderName& n : names_) {
      for (const mail::HeaderField& field : message.FieldsNamed(n.name.constant(), n.key)) {
        cache.Add(message, message.Decoded(field));
      }
    }
    return cache.Finish(operand_);
  }

  std::vector<HeaderName> names_;
  KeyMatcher keys_;
  uint32_t operand_ = vm::OperandCache::kNoOperand;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareHeader(const ir::Call& call,
                                                        vm::PrepareContext& context) {
  auto keys = KeyMatcher::Prepare(call, call.positional[1], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(
      new HeaderTest(context.Strings(call.positional[0]), std::move(*keys), context));
}

// address [COMPARATOR] [ADDRESS-PART] [MATCH-TYPE] <header-list> <key-list>
// (RFC 5228 §5.1): every mailbox of every named header, groups included.
class AddressTest final : public vm::PreparedCall {
 public:
  AddressTest(std::vector<RuntimeString> names, const vm::AddressPartRuntime& part,
              KeyMatcher keys, vm::PrepareContext& context)
      : names_(PrepareNames(std::move(names))), part_(part), keys_(std::move(keys)) {
    // The address part is part of the operand: the same fields give other
    // values under :domain than under :all.
    operand_ = SharedOperand(
        context,
        "address:" + std::to_string(reinterpret_cast<uintptr_t>(&part_)), names_, keys_);
  }

  bool Run(EvalContext& ctx) const override {
    if (operand_ != vm::OperandCache::kNoOperand) {
      for (vm::OperandValue& value : Values(ctx)) {
        if (keys_.Match(ctx, value)) return true;
      }
      return false;
    }
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
  // The address parts Run would match, in its order: the part of every
  // address that has one, and "" for a blank field where the part is :all.
  std::span<vm::OperandValue> Values(EvalContext& ctx) const {
    vm::OperandCache& cache = ctx.operand_cache();
    mail::Message& message = ctx.message();
    std::span<vm::OperandValue> values;
    if (cache.Find(operand_, message, &values)) return values;
    cache.Start(message, keys_.spec().comparator);
    std::string_view value;
    for (const HeaderName& n : names_) {
      for (const mail::HeaderField& field : message.FieldsNamed(n.name.constant(), n.key)) {
        const std::span<const mail::Address> addresses = message.Addresses(field);
        for (const mail::Address& address : addresses) {
          if (part_.extract(ctx, address, &value)) cache.Add(message, value);
        }
        if (addresses.empty() && message.Decoded(field).empty() &&
            part_.extract(ctx, mail::Address{}, &value)) {
          cache.Add(message, value);
        }
      }
    }
    return cache.Finish(operand_);
  }

  std::vector<HeaderName> names_;
  const vm::AddressPartRuntime& part_;
  KeyMatcher keys_;
  uint32_t operand_ = vm::OperandCache::kNoOperand;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareAddress(const ir::Call& call,
                                                         vm::PrepareContext& context) {
  auto keys = KeyMatcher::Prepare(call, call.positional[1], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(
      new AddressTest(context.Strings(call.positional[0]), AddressPartOf(call), std::move(*keys),
                      context));
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
    // Between the two, line ends are counted only until they decide.
    const auto limit = static_cast<size_t>(limit_);
    return over_ ? ctx.message().WireSizeAbove(limit) : ctx.message().WireSizeBelow(limit);
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
