// Built-in server profiles and the folder ⇄ mailbox mapping.
#include "editor/profile.h"

#include <vector>

#include <fmt/format.h>

#include "common/utf8.h"
#include "editor/mutf7.h"
#include "mail/ascii.h"

namespace sievekit::editor {
namespace {

std::vector<ServerProfile> MakeProfiles() {
  std::vector<ServerProfile> out;
  // The guide's server (Kerio MailServer): legacy notify with its macros,
  // SpamAssassin's X-Spam-Flag header, folders written as the user sees them.
  ServerProfile kerio;
  kerio.name = "kerio";
  out.push_back(kerio);

  // Dovecot Pigeonhole: RFC 5435 enotify, RFC 5173 body, spamtest, UTF-8
  // folder names with "/" and the usual shared/public namespace prefixes.
  // Attachments use `body`, not RFC 5703 `mime` (which Pigeonhole also has):
  // every script the built-in profiles write must pass this engine's own
  // check (`sievec check`), and the engine has no `mime`. Hosts whose server
  // has it may set AttachmentStyle::kMime in their own profile.
  ServerProfile dovecot;
  dovecot.name = "dovecot";
  dovecot.notify = NotifyStyle::kEnotify;
  dovecot.attachment = AttachmentStyle::kBody;
  dovecot.spam = SpamStyle::kSpamtest;
  dovecot.other_users_prefix = "shared/";
  dovecot.public_prefix = "Public/";
  out.push_back(dovecot);

  // Cyrus 2.x: the draft notify, body, the spam header, modified UTF-7 and
  // the "." hierarchy with INBOX., user. and top-level shared folders.
  ServerProfile cyrus;
  cyrus.name = "cyrus";
  cyrus.folder_encoding = FolderEncoding::kModifiedUtf7;
  cyrus.delimiter = '.';
  cyrus.personal_prefix = "INBOX.";
  cyrus.other_users_prefix = "user.";
  cyrus.public_prefix = "";
  out.push_back(cyrus);

  // Only standards-track extensions: enotify, body, spamtestplus (body
  // rather than mime for the reason given at dovecot).
  ServerProfile rfc;
  rfc.name = "rfc";
  rfc.notify = NotifyStyle::kEnotify;
  rfc.attachment = AttachmentStyle::kBody;
  rfc.spam = SpamStyle::kSpamtestPlus;
  rfc.spam_threshold = 50;
  rfc.other_users_prefix = "Other Users/";
  rfc.public_prefix = "Shared Folders/";
  out.push_back(rfc);
  return out;
}

const std::vector<ServerProfile>& Profiles() {
  static const std::vector<ServerProfile> profiles = MakeProfiles();
  return profiles;
}

std::vector<std::string_view> SplitPath(std::string_view path, char delimiter) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = path.find(delimiter, start);
    parts.push_back(path.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::span<const ServerProfile> BuiltinProfiles() { return Profiles(); }
const ServerProfile& DefaultProfile() { return Profiles().front(); }

const ServerProfile* FindProfile(std::string_view name) {
  for (const ServerProfile& p : Profiles()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string ProfileNames() {
  std::string out;
  for (const ServerProfile& p : Profiles()) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

std::string FolderProblem(std::string_view folder) {
  if (folder.empty()) return "the folder name is empty";
  if (!utf8::IsValid(folder)) return "the folder name is not valid UTF-8";
  for (char c : folder) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return "the folder name contains a control character";
    }
  }
  const std::vector<std::string_view> parts = SplitPath(folder, '/');
  for (std::string_view part : parts) {
    if (part.empty()) return fmt::format("the folder name \"{}\" has an empty component", folder);
  }
  if (parts[0] == "~") return fmt::format("\"{}\" names no user after '~'", folder);
  if ((parts[0][0] == '~' || parts[0] == "#public") && parts.size() < 2) {
    return fmt::format("\"{}\" names no folder after '{}'", folder, parts[0]);
  }
  return "";
}

Result<std::string> FolderToMailbox(std::string_view folder, const ServerProfile& profile) {
  if (std::string problem = FolderProblem(folder); !problem.empty()) return Error{problem};
  std::vector<std::string_view> parts = SplitPath(folder, '/');
  std::string prefix;
  if (parts[0][0] == '~') {
    prefix = profile.other_users_prefix;
    parts[0].remove_prefix(1);
  } else if (parts[0] == "#public") {
    prefix = profile.public_prefix;
    parts.erase(parts.begin());
  } else if (!(parts.size() == 1 && mail::ascii::EqualsIgnoreCase(parts[0], "INBOX"))) {
    prefix = profile.personal_prefix;
  }
  std::string mailbox = prefix;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (profile.delimiter != '/' && parts[i].find(profile.delimiter) != std::string_view::npos) {
      return Error{fmt::format("the folder name \"{}\" contains the server's hierarchy delimiter '{}'",
                               parts[i], profile.delimiter)};
    }
    if (i) mailbox += profile.delimiter;
    mailbox += parts[i];
  }
  if (profile.folder_encoding == FolderEncoding::kModifiedUtf7) {
    return EncodeModifiedUtf7(mailbox);
  }
  return mailbox;
}

Result<std::string> MailboxToFolder(std::string_view mailbox, const ServerProfile& profile) {
  std::string name(mailbox);
  if (profile.folder_encoding == FolderEncoding::kModifiedUtf7) {
    Result<std::string> decoded = DecodeModifiedUtf7(mailbox);
    if (!decoded.ok()) {
      return Error{fmt::format("\"{}\" is not a modified UTF-7 mailbox name: {}", mailbox,
                               decoded.error().message)};
    }
    name = std::move(*decoded);
  }
  std::string folder;
  std::string_view rest = name;
  const auto starts = [&](std::string_view prefix) {
    return !prefix.empty() && rest.substr(0, prefix.size()) == prefix;
  };
  if (mail::ascii::EqualsIgnoreCase(rest, "INBOX")) {
    folder = rest;
    rest = {};
  } else if (starts(profile.other_users_prefix)) {
    rest.remove_prefix(profile.other_users_prefix.size());
    folder = "~";
  } else if (starts(profile.public_prefix)) {
    rest.remove_prefix(profile.public_prefix.size());
    folder = "#public/";
  } else if (starts(profile.personal_prefix) || profile.personal_prefix.empty()) {
    rest.remove_prefix(profile.personal_prefix.size());
  } else if (profile.public_prefix.empty()) {
    folder = "#public/";
  } else {
    return Error{fmt::format("\"{}\" is in none of the server's namespaces", mailbox)};
  }
  if (!rest.empty()) {
    if (profile.delimiter != '/' && rest.find('/') != std::string_view::npos) {
      return Error{fmt::format("\"{}\" has a '/' inside a folder name", mailbox)};
    }
    for (std::string_view part : SplitPath(rest, profile.delimiter)) {
      if (!folder.empty() && folder.back() != '/' && folder != "~") folder += '/';
      folder += part;
    }
  }
  // Only names FolderToMailbox writes come back, so the mapping is exact.
  Result<std::string> again = FolderToMailbox(folder, profile);
  if (!again.ok() || *again != mailbox) {
    return Error{fmt::format("\"{}\" is not a folder name this server profile writes", mailbox)};
  }
  return folder;
}

}  // namespace sievekit::editor
