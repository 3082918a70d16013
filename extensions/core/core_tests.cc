// header, address, exists and size (RFC 5228 §5.1, 5.5, 5.7, 5.9).
#include "extensions/core/core_tests.h"

#include <fmt/format.h>

namespace sievekit::extensions {
namespace {

using vm::EvalContext;
using vm::KeyMatcher;
using vm::RuntimeString;

// header [COMPARATOR] [MATCH-TYPE] <header-names> <key-list>: true when any
// value of any named header matches any key (RFC 5228 §5.7). Values are
// unfolded, RFC 2047-decoded and trimmed by mail::Message::Decoded.
class HeaderTest final : public vm::PreparedCall {
 public:
  HeaderTest(std::vector<RuntimeString> names, KeyMatcher keys)
      : names_(std::move(names)), keys_(std::move(keys)) {}

  bool Run(EvalContext& ctx) const override {
    mail::Message& message = ctx.message();
    std::string& name_buffer = ctx.scratch(2);
    uint64_t count = 0;
    for (const RuntimeString& n : names_) {
      const std::string_view name = ctx.Expand(n, &name_buffer);
      for (const mail::HeaderField& field : message.FieldsNamed(name)) {
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
  std::vector<RuntimeString> names_;
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
      : names_(std::move(names)), part_(part), keys_(std::move(keys)) {}

  bool Run(EvalContext& ctx) const override {
    mail::Message& message = ctx.message();
    std::string& name_buffer = ctx.scratch(2);
    uint64_t count = 0;
    for (const RuntimeString& n : names_) {
      const std::string_view name = ctx.Expand(n, &name_buffer);
      for (const mail::HeaderField& field : message.FieldsNamed(name)) {
        for (const mail::Address& address : message.Addresses(field)) {
          if (keys_.is_count()) {
            ++count;
          } else if (MatchAddress(ctx, part_, keys_, address)) {
            return true;
          }
        }
      }
    }
    return keys_.is_count() && keys_.MatchCount(ctx, count);
  }

 private:
  std::vector<RuntimeString> names_;
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
  explicit ExistsTest(std::vector<RuntimeString> names) : names_(std::move(names)) {}

  bool Run(EvalContext& ctx) const override {
    std::string& name_buffer = ctx.scratch(2);
    for (const RuntimeString& n : names_) {
      if (!ctx.message().HasField(ctx.Expand(n, &name_buffer))) return false;
    }
    return true;
  }

 private:
  std::vector<RuntimeString> names_;
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
  if (!a.valid) return false;
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
