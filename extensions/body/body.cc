// Registration of the body extension (RFC 5173), its compile-time checks and
// the run time of the body test.
//
// body [COMPARATOR] [MATCH-TYPE] [BODY-TRANSFORM] <key-list> (§4): true when
// a string of the transform (body_strings.h) matches a key. The defaults
// are i;ascii-casemap, :is and :text. The transforms form one tag group, so
// two of them in one test are an error. :count counts the strings (RFC 5231
// §4.2 "the number of values"); a message without a body makes every body
// test false, :count included (§4). Wildcards and regex groups of a body
// test never set match variables (§6), and content types may hold variables
// (§6), expanded when the test runs.
#include "extensions/body/body.h"

#include <algorithm>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "extensions/body/body_strings.h"
#include "ir/ir.h"
#include "ir/validation_context.h"
#include "vm/call_runtime.h"
#include "vm/eval_context.h"
#include "vm/key_matcher.h"
#include "vm/string_template.h"

namespace sievekit::extensions {
namespace {

using body::BodyStrings;
using body::BodyTextCache;
using body::BodyTransform;

// §5.2 says such a content type "matches no content types": legal, but
// almost certainly not what the author meant.
constexpr DiagnosticKind kContentTypeMatchesNothing{
    "content-type-matches-nothing", Severity::kWarning,
    "content type '{}' matches no MIME part: {} (RFC 5173 §5.2)"};

// Why a :content type can never select a part, or "" when it can.
std::string_view WhyMatchesNothing(std::string_view spec) {
  if (spec.empty()) return {};
  const size_t slash = spec.find('/');
  if (slash == 0 || spec.back() == '/') return "it begins or ends with '/'";
  if (slash != std::string_view::npos && spec.find('/', slash + 1) != std::string_view::npos) {
    return "it has more than one '/'";
  }
  for (char c : spec) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || std::string_view("()<>@,;:\\\"[]?=").find(c) !=
                                      std::string_view::npos) {
      return "media types and subtypes are MIME tokens (RFC 2045 §5.1): no spaces, "
             "parameters or special characters";
    }
  }
  return {};
}

bool HasVariableReference(const std::string& text) {
  if (text.find("${") == std::string::npos) return false;
  const vm::RuntimeString parsed = vm::RuntimeString::Template(text);
  for (const vm::RuntimeString::Piece& piece : parsed.pieces()) {
    if (piece.kind != vm::RuntimeString::Piece::Kind::kLiteral) return true;
  }
  return false;
}

void ValidateBody(ir::ValidationContext& context, ir::Call& call) {
  const ir::TagArgument* content = call.FindTag("content");
  if (content == nullptr || !content->param) return;
  const bool templates = context.IsEnabled("variables");
  for (const ir::StringValue& spec : content->param->strings) {
    if (templates && HasVariableReference(spec.text)) continue;
    const std::string_view why = WhyMatchesNothing(spec.text);
    if (!why.empty()) context.Report(kContentTypeMatchesNothing, spec.span, spec.text, why);
  }
}

// Per-evaluation state: the stripped HTML of the current message and the
// expanded content types of the running test.
struct BodyState : vm::ExtensionState {
  BodyTextCache text_cache;
  std::vector<std::string> type_buffers;
  std::vector<std::string_view> types;

  void Reset() override { text_cache.Clear(); }
};

class BodyTest final : public vm::PreparedCall {
 public:
  BodyTest(BodyTransform transform, std::vector<vm::RuntimeString> content_types,
           vm::KeyMatcher keys)
      : transform_(transform), content_types_(std::move(content_types)), keys_(std::move(keys)) {
    keys_.DisableMatchVariables();  // §6
    constant_types_ = std::all_of(content_types_.begin(), content_types_.end(),
                                  [](const vm::RuntimeString& s) { return s.is_constant(); });
    if (constant_types_) {
      for (const vm::RuntimeString& s : content_types_) constant_views_.push_back(s.constant());
    }
  }

  bool Run(vm::EvalContext& ctx) const override {
    BodyState& state = ctx.State<BodyState>();
    std::span<const std::string_view> types = constant_views_;
    if (!constant_types_) {
      if (state.type_buffers.size() < content_types_.size()) {
        state.type_buffers.resize(content_types_.size());
      }
      state.types.clear();
      for (size_t i = 0; i < content_types_.size(); ++i) {
        state.types.push_back(ctx.Expand(content_types_[i], &state.type_buffers[i]));
      }
      types = state.types;
    }
    BodyStrings strings(ctx.message(), transform_, types, &state.text_cache);
    uint64_t count = 0;
    std::string_view value;
    while (strings.Next(&value)) {
      if (keys_.is_count()) {
        ++count;
      } else if (keys_.Match(ctx, value)) {
        return true;
      } else if (ctx.failed()) {
        return false;
      }
    }
    return keys_.is_count() && ctx.message().has_body() && keys_.MatchCount(ctx, count);
  }

 private:
  BodyTransform transform_;
  std::vector<vm::RuntimeString> content_types_;
  bool constant_types_ = true;
  // Views of the constant content types (into content_types_).
  std::vector<std::string_view> constant_views_;
  vm::KeyMatcher keys_;
};

Result<std::unique_ptr<vm::PreparedCall>> PrepareBody(const ir::Call& call,
                                                      vm::PrepareContext& context) {
  auto keys = vm::KeyMatcher::Prepare(call, call.positional[0], context);
  if (!keys.ok()) return keys.error();
  BodyTransform transform = BodyTransform::kText;
  std::vector<vm::RuntimeString> content_types;
  if (call.HasTag("raw")) {
    transform = BodyTransform::kRaw;
  } else if (const ir::TagArgument* content = call.FindTag("content")) {
    if (!content->param) return Error{"body :content without content types"};
    transform = BodyTransform::kContent;
    content_types = context.Strings(*content->param);
  }
  return std::unique_ptr<vm::PreparedCall>(
      new BodyTest(transform, std::move(content_types), std::move(*keys)));
}

const vm::CallRuntime kBodyRuntime{PrepareBody};

}  // namespace

void RegisterBody(ir::Registry& registry) {
  registry.Register({"body", false, false}, [](ir::ExtensionBuilder& b) {
    ir::CallSpec& body = b.Test("body");
    body.groups = {std::string(ir::kComparatorGroup), std::string(ir::kMatchTypeGroup)};
    body.positional = {{"key list", ir::ArgType::kStringList}};
    body.validate = ValidateBody;
    body.runtime = &kBodyRuntime;
    b.Tag("body", "raw", std::nullopt, {}, "body-transform");
    b.Tag("body", "content", ir::ArgType::kStringList, "a list of content types",
          "body-transform");
    b.Tag("body", "text", std::nullopt, {}, "body-transform");
  });
}

}  // namespace sievekit::extensions
