// Tests for mail/transfer_decoding: encoding names, tolerant base64 and
// quoted-printable decoding with exact damage counts, base64 encoding.
#include "mail/transfer_decoding.h"

#include <gtest/gtest.h>

#include <string>

namespace sievekit::mail {
namespace {

TEST(TransferEncodingTest, Names) {
  const struct {
    std::string_view value;
    TransferEncoding encoding;
  } cases[] = {
      {"", TransferEncoding::k7Bit},
      {"7bit", TransferEncoding::k7Bit},
      {" 8BIT ", TransferEncoding::k8Bit},
      {"binary", TransferEncoding::kBinary},
      {"Quoted-Printable", TransferEncoding::kQuotedPrintable},
      {"base64 (a comment)", TransferEncoding::kBase64},
      {"\"base64\"", TransferEncoding::kBase64},
      {"x-uuencode", TransferEncoding::kUnknown},
      {"base 64", TransferEncoding::kUnknown},
  };
  for (const auto& c : cases) EXPECT_EQ(ParseTransferEncoding(c.value), c.encoding) << c.value;
  EXPECT_EQ(TransferEncodingName(TransferEncoding::kQuotedPrintable), "quoted-printable");
  EXPECT_EQ(TransferEncodingName(TransferEncoding::kUnknown), "unknown");
}

struct DecodeCase {
  std::string_view name;
  std::string_view in;
  std::string out;
  size_t damaged;
};

TEST(Base64Test, Decode) {
  const DecodeCase cases[] = {
      {"empty", "", "", 0},
      {"clean", "SGVsbG8gd29ybGQ=", "Hello world", 0},
      {"two pads", "QQ==", "A", 0},
      {"no padding", "QUI", "AB", 0},
      {"line breaks", "SGVs\r\nbG8=\r\n", "Hello", 0},
      {"spaces and tabs", " SG Vs\tbG8= ", "Hello", 0},
      {"garbage skipped", "SG!V*sb<G8=", "Hello", 3},
      {"concatenated blocks", "SGk=SGk=", "HiHi", 0},
      {"lone sextet dropped",
       "QUJD"
       "R",
       "ABC", 1},
      {"lone sextet before pad", "QUJDR===", "ABC", 1},
      {"binary", "AP8A/w==", std::string("\x00\xFF\x00\xFF", 4), 0},
      {"url-safe chars are garbage", "-_-_", "", 4},
  };
  for (const auto& c : cases) {
    std::string out = "";
    EXPECT_EQ(DecodeBase64(c.in, &out), c.damaged) << c.name;
    EXPECT_EQ(out, c.out) << c.name;
  }
}

TEST(Base64Test, EncodeRoundTrip) {
  const struct {
    std::string in;
    std::string_view out;
  } cases[] = {
      {"", ""},        {"f", "Zg=="},        {"fo", "Zm8="},
      {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {std::string("\x00\xFF\xFE", 3), "AP/+"},
  };
  for (const auto& c : cases) {
    std::string encoded;
    EncodeBase64(c.in, &encoded);
    EXPECT_EQ(encoded, c.out);
    std::string decoded;
    EXPECT_EQ(DecodeBase64(encoded, &decoded), 0u);
    EXPECT_EQ(decoded, c.in);
  }
}

TEST(QuotedPrintableTest, Decode) {
  const DecodeCase cases[] = {
      {"plain", "hello", "hello", 0},
      {"escapes", "caf=E9 =3D", "caf\xE9 =", 0},
      {"lowercase escape", "=e9", "\xE9", 0},
      {"soft break crlf", "long=\r\nline", "longline", 0},
      {"soft break lf", "long=\nline", "longline", 0},
      {"soft break then spaces", "long=  \r\nline", "longline", 0},
      {"hard breaks kept", "a\r\nb\nc", "a\r\nb\nc", 0},
      {"trailing whitespace removed", "a  \t\r\nb ", "a\r\nb", 0},
      {"bad escape kept", "=ZZ", "=ZZ", 1},
      {"half escape kept", "=4", "=4", 1},
      {"equals then space", "a = b", "a = b", 1},
      {"soft break at end", "end=", "end", 0},
      {"encoded crlf", "a=0D=0Ab", "a\r\nb", 0},
      {"nul", "=00", std::string(1, '\0'), 0},
      {"8-bit passes", "caf\xC3\xA9", "caf\xC3\xA9", 0},
  };
  for (const auto& c : cases) {
    std::string out;
    EXPECT_EQ(DecodeQuotedPrintable(c.in, &out), c.damaged) << c.name;
    EXPECT_EQ(out, c.out) << c.name;
  }
}

}  // namespace
}  // namespace sievekit::mail
