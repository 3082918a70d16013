// Tests for extensions/core/header_names: the RFC 5322 field-name syntax
// and the headers the address test may look at (RFC 5228 section 5.1: at
// least From, To, Cc, Bcc, Sender, Resent-From and Resent-To, and other
// headers that hold address lists).
#include "extensions/core/header_names.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::extensions {
namespace {

TEST(HeaderNamesTest, ValidFieldNames) {
  for (const std::string name : {"From", "x-spam-flag", "X-Spam-Score", "a", "!", "~",
                                 "Content-Type", "X_Under_Score", "123"}) {
    EXPECT_TRUE(IsValidHeaderName(name)) << name;
  }
}

TEST(HeaderNamesTest, InvalidFieldNames) {
  for (const std::string name : {"", "From:", ":", "Fr om", "Subject\t", " Subject", "X-\x7F",
                                 "Gr\xC3\xB6\xC3\x9F"
                                 "e",
                                 "a\nb"}) {
    EXPECT_FALSE(IsValidHeaderName(name)) << name;
  }
  EXPECT_FALSE(IsValidHeaderName(std::string("a\0b", 3)));
}

TEST(HeaderNamesTest, AddressHeaders) {
  // The ones RFC 5228 section 5.1 requires, in any case.
  for (const std::string name : {"from", "To", "CC", "Bcc", "Sender", "Resent-From", "resent-to"}) {
    EXPECT_TRUE(IsAddressHeader(name)) << name;
  }
  // Other address-list headers.
  for (const std::string name :
       {"reply-to", "resent-sender", "resent-cc", "resent-bcc", "resent-reply-to", "return-path",
        "delivered-to", "envelope-to", "x-original-to", "errors-to", "mail-followup-to",
        "mail-reply-to", "disposition-notification-to", "for-approval", "for-handling",
        "for-comment", "apparently-to", "x-admin", "read-receipt-to", "x-confirm-reading-to",
        "return-receipt-requested", "registered-mail-reply-requested-by", "abuse-reports-to",
        "x-complaints-to", "x-report-abuse-to", "x-beenthere", "x-original-from"}) {
    EXPECT_TRUE(IsAddressHeader(name)) << name;
  }
}

TEST(HeaderNamesTest, OtherHeadersAreNotAddressHeaders) {
  for (const std::string name : {"subject", "date", "message-id", "x-spam-flag", "list-id", "",
                                 "from:", " from", "fromm", "received"}) {
    EXPECT_FALSE(IsAddressHeader(name)) << name;
  }
}

}  // namespace
}  // namespace sievekit::extensions
