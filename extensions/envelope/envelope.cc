// Registration of the envelope extension.
#include "extensions/envelope/envelope.h"

#include <string>

#include "common/diagnostic_catalogue.h"
#include "extensions/core/string_checks.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "extensions/core/core_tests.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"

namespace sievekit::extensions {
namespace {

// RFC 5228 §5.4: "implementations SHOULD consider unknown envelope parts an
// error". Parts are case-insensitive; extensions may register more.
void ValidateEnvelopeParts(ir::ValidationContext& context, ir::Call& call) {
  for (const ir::StringValue& part : call.positional[0].strings) {
    if (IsRuntimeString(context, part.text)) continue;
    if (!context.registry().IsEnvelopePart(part.text)) {
      context.Report(diag::kInvalidEnvelopePart, part.span, part.text);
      return;  // one error per test
    }
  }
}

// envelope [COMPARATOR] [ADDRESS-PART] [MATCH-TYPE] <envelope-part>
// <key-list> (RFC 5228 §5.4). "from" is MAIL FROM, "to" the RCPT TO of this
// delivery; the null reverse-path is matched as "" whatever the address part,
// and a path that is not syntactically valid matches nothing.
// "auth" (the SMTP AUTH identity, RFC 4954) is an extra part RFC 5228 §5.4
// allows implementations to define: it is empty when the sender did not
// authenticate, and matched like a path.
enum class EnvelopePart : uint8_t { kUnknown, kFrom, kTo, kAuth };

EnvelopePart PartNamed(std::string_view text) {
  const std::string name = ir::AsciiLower(text);
  if (name == "from") return EnvelopePart::kFrom;
  if (name == "to") return EnvelopePart::kTo;
  if (name == "auth") return EnvelopePart::kAuth;
  return EnvelopePart::kUnknown;
}

class EnvelopeTest final : public vm::PreparedCall {
 public:
  EnvelopeTest(std::vector<vm::RuntimeString> parts, const vm::AddressPartRuntime& part,
               vm::KeyMatcher keys, vm::PrepareContext& context)
      : parts_(std::move(parts)), part_(part), keys_(std::move(keys)) {
    // Constant part names are resolved once, not per message.
    bool all_constant = true;
    for (const vm::RuntimeString& p : parts_) {
      constant_parts_.push_back(p.is_constant() ? PartNamed(p.constant()) : EnvelopePart::kUnknown);
      all_constant = all_constant && p.is_constant();
    }
    // Tests of the same parts under the same address part and comparator
    // share their values per message (vm::OperandCache); not :count, which
    // counts paths.
    if (all_constant && !keys_.is_count()) {
      std::string description = "envelope:" + std::to_string(reinterpret_cast<uintptr_t>(&part_));
      description += static_cast<char>(keys_.spec().comparator);
      for (const EnvelopePart p : constant_parts_) {
        description += static_cast<char>('0' + static_cast<int>(p));
      }
      operand_ = context.OperandId(description);
    }
  }

  bool Run(vm::EvalContext& ctx) const override {
    if (operand_ != vm::OperandCache::kNoOperand) {
      for (vm::OperandValue& value : Values(ctx)) {
        if (keys_.Match(ctx, value)) return true;
      }
      return false;
    }
    std::string& buffer = ctx.scratch(2);
    uint64_t count = 0;
    for (size_t i = 0; i < parts_.size(); ++i) {
      const vm::RuntimeString& p = parts_[i];
      const EnvelopePart part =
          p.is_constant() ? constant_parts_[i] : PartNamed(ctx.Expand(p, &buffer));
      std::string_view path;
      if (part == EnvelopePart::kFrom) {
        path = ctx.envelope().mail_from;
      } else if (part == EnvelopePart::kTo) {
        path = ctx.envelope().rcpt_to;
      } else if (part == EnvelopePart::kAuth) {
        path = ctx.envelope().auth_user;
      } else {
        continue;  // an unknown part (from a variable) matches nothing
      }
      const mail::EnvelopePath parsed = ctx.message().ParseEnvelopePath(path);
      // A path that breaks RFC 5321's syntax holds no address: no address
      // part of it matches, not even :all.
      if (!parsed.address.valid) continue;
      if (keys_.is_count()) {
        if (!parsed.is_null) ++count;
        continue;
      }
      if (parsed.is_null) {
        if (keys_.Match(ctx, "")) return true;
      } else if (MatchAddress(ctx, part_, keys_, parsed.address)) {
        return true;
      }
    }
    return keys_.is_count() && keys_.MatchCount(ctx, count);
  }

 private:
  static std::string_view PathOf(const vm::EvalContext& ctx, EnvelopePart part) {
    if (part == EnvelopePart::kFrom) return ctx.envelope().mail_from;
    if (part == EnvelopePart::kTo) return ctx.envelope().rcpt_to;
    return ctx.envelope().auth_user;
  }

  // The values Run would match, in its order: "" for a null path, the
  // address part of a valid one.
  std::span<vm::OperandValue> Values(vm::EvalContext& ctx) const {
    vm::OperandCache& cache = ctx.operand_cache();
    mail::Message& message = ctx.message();
    std::span<vm::OperandValue> values;
    if (cache.Find(operand_, message, &values)) return values;
    cache.Start(message, keys_.spec().comparator);
    for (const EnvelopePart part : constant_parts_) {
      if (part == EnvelopePart::kUnknown) continue;
      const mail::EnvelopePath parsed = message.ParseEnvelopePath(PathOf(ctx, part));
      if (!parsed.address.valid) continue;
      std::string_view value;
      if (parsed.is_null) {
        cache.Add(message, "");
      } else if (part_.extract(ctx, parsed.address, &value)) {
        cache.Add(message, value);
      }
    }
    return cache.Finish(operand_);
  }

  std::vector<vm::RuntimeString> parts_;
  std::vector<EnvelopePart> constant_parts_;  // per part; kUnknown for variables
  const vm::AddressPartRuntime& part_;
  vm::KeyMatcher keys_;
  uint32_t operand_ = vm::OperandCache::kNoOperand;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareEnvelope(const ir::Call& call,
                                                          vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[1], context);
  if (!keys.ok()) return keys.error();
  return std::unique_ptr<vm::PreparedCall>(new EnvelopeTest(
      context.Strings(call.positional[0]), AddressPartOf(call), std::move(*keys), context));
}

const vm::CallRuntime kEnvelopeRuntime{PrepareEnvelope};

}  // namespace

void RegisterEnvelope(ir::Registry& registry) {
  registry.Register({"envelope", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& envelope = b.Test("envelope");
    envelope.groups = {std::string(ir::kComparatorGroup), std::string(ir::kAddressPartGroup),
                       std::string(ir::kMatchTypeGroup)};
    envelope.positional = {{"envelope part", ir::ArgType::kStringList},
                           {"key list", ir::ArgType::kStringList}};
    envelope.validate = ValidateEnvelopeParts;
    b.EnvelopePart("from");
    b.EnvelopePart("to");
    b.EnvelopePart("auth");
    envelope.runtime = &kEnvelopeRuntime;
  });
}

}  // namespace sievekit::extensions
