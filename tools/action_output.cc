// JSON and text rendering of evaluation results.
#include "tools/action_output.h"

#include <fmt/format.h>

namespace sievekit::tools {
namespace {

void WriteParamJson(const vm::ActionParam& p, JsonWriter& out) {
  out.Key(p.name);
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          out.String(v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          out.Int(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.Bool(v);
        } else {
          out.BeginArray();
          for (const std::string& s : v) out.String(s);
          out.EndArray();
        }
      },
      p.value);
}

std::string Quote(std::string_view s) { return JsonWriter::Quote(s); }

}  // namespace

void WriteResultJson(const vm::EvalResult& result, JsonWriter& out) {
  out.BeginObject().Key("actions").BeginArray();
  for (const vm::Action& a : result.actions) {
    out.BeginObject().Key("type").String(a.type);
    if (a.type == "fileinto" || !a.mailbox.empty()) out.Key("mailbox").String(a.mailbox);
    if (a.type == "keep" || a.type == "fileinto" || !a.flags.empty()) {
      out.Key("flags").BeginArray();
      for (const std::string& f : a.flags) out.String(f);
      out.EndArray();
    }
    if (a.type == "redirect" || !a.address.empty()) out.Key("address").String(a.address);
    if (a.type == "redirect" || a.type == "fileinto" || a.copy) out.Key("copy").Bool(a.copy);
    if (a.type == "reject" || a.type == "ereject" || !a.reason.empty()) {
      out.Key("reason").String(a.reason);
    }
    for (const vm::ActionParam& p : a.params) WriteParamJson(p, out);
    out.Key("line").Uint(a.line);
    out.EndObject();
  }
  if (result.implicit_keep) {
    out.BeginObject().Key("type").String("keep").Key("implicit").Bool(true);
    // imap4flags gives the implicit keep the internal flags (RFC 5232 §3).
    if (result.implicit_keep_action != nullptr && !result.implicit_keep_action->flags.empty()) {
      out.Key("flags").BeginArray();
      for (const std::string& f : result.implicit_keep_action->flags) out.String(f);
      out.EndArray();
    }
    out.EndObject();
  }
  out.EndArray();
  out.Key("implicit_keep").Bool(result.implicit_keep);
  out.Key("errors").BeginArray();
  for (const vm::RuntimeError& e : result.errors) {
    out.BeginObject()
        .Key("id").String(e.id)
        .Key("message").String(e.message)
        .Key("line").Uint(e.line)
        .Key("column").Uint(e.column)
        .EndObject();
  }
  out.EndArray();
  out.EndObject();
}

std::string FormatResultText(const vm::EvalResult& result) {
  std::string out;
  for (const vm::RuntimeError& e : result.errors) {
    out += fmt::format("error: line {}:{}: {} [{}]\n", e.line, e.column, e.message, e.id);
  }
  for (const vm::Action& a : result.actions) {
    out += fmt::format("{}", a.type);
    if (!a.mailbox.empty()) out += " " + Quote(a.mailbox);
    if (!a.address.empty()) out += " " + Quote(a.address);
    if (!a.reason.empty()) out += " " + Quote(a.reason);
    if (a.copy) out += " :copy";
    if (!a.flags.empty()) {
      out += " :flags [";
      for (size_t i = 0; i < a.flags.size(); ++i) out += (i ? ", " : "") + Quote(a.flags[i]);
      out += "]";
    }
    for (const vm::ActionParam& p : a.params) {
      if (const auto* s = std::get_if<std::string>(&p.value)) {
        out += fmt::format(" {}={}", p.name, Quote(*s));
      } else if (const auto* n = std::get_if<int64_t>(&p.value)) {
        out += fmt::format(" {}={}", p.name, *n);
      } else if (const auto* b = std::get_if<bool>(&p.value)) {
        out += fmt::format(" {}={}", p.name, *b ? "true" : "false");
      }
    }
    out += fmt::format("   (line {})\n", a.line);
  }
  if (result.implicit_keep) {
    out += "keep (implicit)";
    if (result.implicit_keep_action != nullptr && !result.implicit_keep_action->flags.empty()) {
      const std::vector<std::string>& flags = result.implicit_keep_action->flags;
      out += " :flags [";
      for (size_t i = 0; i < flags.size(); ++i) out += (i ? ", " : "") + Quote(flags[i]);
      out += "]";
    }
    out += "\n";
  }
  return out;
}

}  // namespace sievekit::tools
