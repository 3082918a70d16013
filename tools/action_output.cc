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

// A notify action with what executing it would do (see action_output.h).
void WriteNotifyJson(const vm::Action& a, const delivery::Notification& n, JsonWriter& out) {
  out.Key("sent").Bool(n.sent);
  if (!n.sent) out.Key("suppressed_by").String(n.suppressed_by);
  out.Key("method").String(n.method);
  out.Key("to").BeginArray();
  for (const std::string& to : n.to) out.String(to);
  out.EndArray();
  out.Key("from").String(n.from);
  out.Key("subject").String(n.subject);
  out.Key("message").String(n.message);
  out.Key("importance").String(n.importance);
  for (const vm::ActionParam& p : a.params) {
    if (p.name != "method" && p.name != "from" && p.name != "message" &&
        p.name != "importance") {
      WriteParamJson(p, out);
    }
  }
}

// The composed notification under its action, for people.
std::string NotifyText(const delivery::Notification& n) {
  if (!n.sent) return fmt::format("  not sent: {}\n", n.suppressed_by);
  std::string out = "  sent to:";
  for (const std::string& to : n.to) out += " " + to;
  out += "\n";
  if (n.messages.empty()) return out;
  std::string_view bytes = n.messages.front().bytes;
  while (!bytes.empty()) {
    const size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += fmt::format("  | {}\n", line);
    if (end == std::string_view::npos) break;
    bytes.remove_prefix(end + 1);
  }
  return out;
}

// A vacation action with what executing it would do (see action_output.h).
void WriteVacationJson(const vm::Action& a, const delivery::VacationOutcome& v, JsonWriter& out) {
  out.Key("sent").Bool(v.sent);
  if (!v.sent) {
    out.Key("suppressed_by").String(v.suppressed_by);
    out.Key("detail").String(v.detail);
  }
  out.Key("to").String(v.to);
  out.Key("from").String(v.from);
  out.Key("subject").String(v.subject);
  out.Key("message").String(v.message);
  if (v.mime) out.Key("mime").Bool(true);
  if (!v.handle.empty()) out.Key("handle").String(v.handle);
  out.Key("response").String(v.response);
  out.Key("period").Int(v.period.count());
  for (const vm::ActionParam& p : a.params) {
    if (p.name == "days" || p.name == "seconds" || p.name == "addresses") WriteParamJson(p, out);
  }
  if (v.reply) out.Key("reply").String(v.reply->bytes);
}

// The composed reply under its action, for people.
std::string VacationText(const delivery::VacationOutcome& v) {
  if (!v.sent) return fmt::format("  not sent: {} ({})\n", v.suppressed_by, v.detail);
  std::string out = fmt::format("  sent to: {} (MAIL FROM:<{}>; once per {} seconds)\n",
                                v.reply->rcpt_to, v.reply->mail_from, v.period.count());
  std::string_view bytes = v.reply->bytes;
  while (!bytes.empty()) {
    const size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += fmt::format("  | {}\n", line);
    if (end == std::string_view::npos) break;
    bytes.remove_prefix(end + 1);
  }
  return out;
}

const delivery::VacationOutcome* VacationAt(const ExecutionPreview* preview, size_t index) {
  if (preview == nullptr) return nullptr;
  auto it = preview->vacations.find(index);
  return it == preview->vacations.end() ? nullptr : &it->second;
}

const delivery::Notification* NotificationAt(const ExecutionPreview* preview, size_t index) {
  if (preview == nullptr) return nullptr;
  auto it = preview->notifications.find(index);
  return it == preview->notifications.end() ? nullptr : &it->second;
}

}  // namespace

void WriteResultJson(const vm::EvalResult& result, JsonWriter& out,
                     const ExecutionPreview* preview) {
  out.BeginObject().Key("actions").BeginArray();
  for (size_t index = 0; index < result.actions.size(); ++index) {
    const vm::Action& a = result.actions[index];
    out.BeginObject().Key("type").String(a.type);
    if (const delivery::Notification* n = NotificationAt(preview, index)) {
      WriteNotifyJson(a, *n, out);
      out.Key("line").Uint(a.line).EndObject();
      continue;
    }
    if (const delivery::VacationOutcome* v = VacationAt(preview, index)) {
      WriteVacationJson(a, *v, out);
      out.Key("line").Uint(a.line).EndObject();
      continue;
    }
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
  for (const auto& [key, list] : {std::pair{"errors", result.errors},
                                   std::pair{"warnings", result.warnings}}) {
    out.Key(key).BeginArray();
    for (const vm::RuntimeError& e : list) {
      out.BeginObject()
          .Key("id").String(e.id)
          .Key("message").String(e.message)
          .Key("line").Uint(e.line)
          .Key("column").Uint(e.column)
          .EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
}

std::string FormatResultText(const vm::EvalResult& result, const ExecutionPreview* preview) {
  std::string out;
  for (const vm::RuntimeError& e : result.errors) {
    out += fmt::format("error: line {}:{}: {} [{}]\n", e.line, e.column, e.message, e.id);
  }
  for (const vm::RuntimeError& w : result.warnings) {
    out += fmt::format("warning: line {}:{}: {} [{}]\n", w.line, w.column, w.message, w.id);
  }
  for (size_t index = 0; index < result.actions.size(); ++index) {
    const vm::Action& a = result.actions[index];
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
    if (const delivery::Notification* n = NotificationAt(preview, index)) out += NotifyText(*n);
    if (const delivery::VacationOutcome* v = VacationAt(preview, index)) out += VacationText(*v);
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
