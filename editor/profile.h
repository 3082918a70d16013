// Server profiles: what the Sieve server behind a rule editor understands,
// which decides how rules are written. A profile fixes the notification
// extension (the legacy draft `notify` with Kerio's $from$ macros, or RFC
// 5435 `enotify`), how "has an attachment" and "detected as spam" are tested
// (RFC 5703 `mime`, RFC 5173 `body`, a header; RFC 5235 `spamtest` /
// `spamtestplus`, or the spam filter's header), and how folder names reach
// `fileinto`: encoding (UTF-8, RFC 5228, or modified UTF-7 for servers that
// predate RFC 6855), hierarchy delimiter, and the namespaces of other users'
// (`~user/folder`) and public (`#public/folder`) folders.
//
// Profiles are data. The built-in ones are named; hosts may fill in their
// own. Folder mapping is exact both ways or refuses, so a folder survives
// model → Sieve → model unchanged.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/result.h"

namespace sievekit::editor {

enum class NotifyStyle : uint8_t {
  kLegacy,   // draft-martin-sieve-notify-01: notify :method "mailto" :options ...
  kEnotify,  // RFC 5435: notify :message ... "mailto:..."
  kNone,     // the server sends no notifications
};

enum class AttachmentStyle : uint8_t {
  kMime,    // header :mime :anychild :contains "Content-Disposition" "attachment"
  kBody,    // body :raw :contains "Content-Disposition: attachment"
  kHeader,  // header :contains "Content-Type" "multipart/mixed" (approximate)
};

enum class SpamStyle : uint8_t {
  kHeader,        // header :is SPAM_HEADER SPAM_VALUE (the filter's verdict)
  kSpamtest,      // spamtest :value "ge" :comparator "i;ascii-numeric" "N" (0..10)
  kSpamtestPlus,  // spamtest :percent :value "ge" ... "N" (0..100)
};

enum class FolderEncoding : uint8_t { kUtf8, kModifiedUtf7 };

struct ServerProfile {
  std::string name;
  NotifyStyle notify = NotifyStyle::kLegacy;
  AttachmentStyle attachment = AttachmentStyle::kBody;
  SpamStyle spam = SpamStyle::kHeader;
  std::string spam_header = "X-Spam-Flag";
  std::string spam_value = "YES";
  int spam_threshold = 5;  // spamtest: 1..10; spamtestplus: 1..100 (percent)
  FolderEncoding folder_encoding = FolderEncoding::kUtf8;
  char delimiter = '/';
  // Mailbox-name prefixes of the namespaces, the delimiter included where
  // the server uses one (e.g. Cyrus: "INBOX.", "user.", "").
  std::string personal_prefix;
  std::string other_users_prefix = "~";
  std::string public_prefix = "#public/";
};

// The built-in profiles, the default ("kerio", the guide's server) first:
// kerio, dovecot, cyrus, rfc. See docs/rules-model.md for what each sets.
std::span<const ServerProfile> BuiltinProfiles();
const ServerProfile& DefaultProfile();
// A built-in profile by name; nullptr when there is none.
const ServerProfile* FindProfile(std::string_view name);
// "kerio, dovecot, cyrus, rfc": for usage messages.
std::string ProfileNames();

// A folder as the user sees it ("Work/2024", "~bob/Shared", "#public/News",
// "INBOX") → the mailbox name `fileinto` needs on this server. An Error
// says why a folder cannot be written (empty component, the hierarchy
// delimiter inside a name, invalid UTF-8, a line break).
Result<std::string> FolderToMailbox(std::string_view folder, const ServerProfile& profile);
// The inverse; an Error when the mailbox name is not one FolderToMailbox
// writes for this server (then the rule is kept as Sieve source).
Result<std::string> MailboxToFolder(std::string_view mailbox, const ServerProfile& profile);
// Checks a folder path without a server: non-empty components separated by
// "/", "~user/..." and "#public/..." with a folder after the prefix, no
// control characters, valid UTF-8. Returns the problem, or "" when fine.
std::string FolderProblem(std::string_view folder);

}  // namespace sievekit::editor
