// parse_cases_test.cc — a table of parse cases for SPEC section 2's text grammar.
//
// Every expected value below was worked out from SPEC section 2, RFC 4291 (text forms) and
// RFC 5952 (canonical output), not copied from what the implementation prints. Valid cases name
// the parser to call and the exact canonical text; invalid cases name the error kind and the
// 1-based column of the offending character (parse.h). The column convention the tables hold
// the parser to: the character that is wrong; when the text ends too early (a trailing dot, a
// trailing ':', a '/' or '-' with nothing after it, too few octets or groups), the last
// character of the text; for an empty text, column 1; for a problem of the whole value (host
// bits set), column 1.
//
// Every valid case is also printed and parsed again (round trip): same value, same text.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/parse.h"

namespace ipplan {
namespace {

using namespace std::string_view_literals;
using K = ParseErrorKind;

// Which parser a case goes through.
enum class Call : std::uint8_t {
  kAddress,         // parse_address
  kPrefix,          // parse_prefix(HostBits::kReject)
  kPrefixTruncate,  // parse_prefix(HostBits::kTruncate)
  kRange,           // parse_range(HostBits::kReject)
  kRangeTruncate,   // parse_range(HostBits::kTruncate)
};
constexpr Call A = Call::kAddress;
constexpr Call P = Call::kPrefix;
constexpr Call PT = Call::kPrefixTruncate;
constexpr Call R = Call::kRange;
constexpr Call RT = Call::kRangeTruncate;

struct ValidCase {
  std::string_view input;
  Call call;
  std::string_view canonical;  // to_string of the parsed value
  bool host_bits_cleared = false;
};

struct InvalidCase {
  std::string_view input;
  Call call;
  ParseErrorKind kind;
  std::uint32_t column;
};

// ---------------------------------------------------------------------------------------------
// Valid IPv4 addresses: exactly four decimal octets 0-255, `0` alone is fine.
static const ValidCase kValidIPv4[] = {
    {"0.0.0.0"sv, A, "0.0.0.0"sv},
    {"255.255.255.255"sv, A, "255.255.255.255"sv},
    {"1.2.3.4"sv, A, "1.2.3.4"sv},
    {"10.0.0.1"sv, A, "10.0.0.1"sv},
    {"10.0.0.0"sv, A, "10.0.0.0"sv},
    {"192.168.1.1"sv, A, "192.168.1.1"sv},
    {"127.0.0.1"sv, A, "127.0.0.1"sv},
    {"0.0.0.1"sv, A, "0.0.0.1"sv},
    {"1.0.0.0"sv, A, "1.0.0.0"sv},
    {"0.255.0.255"sv, A, "0.255.0.255"sv},
    {"9.99.199.249"sv, A, "9.99.199.249"sv},
    {"250.251.252.253"sv, A, "250.251.252.253"sv},
    {"254.0.0.254"sv, A, "254.0.0.254"sv},
    {"100.64.0.0"sv, A, "100.64.0.0"sv},
    {"224.0.0.1"sv, A, "224.0.0.1"sv},
    {"169.254.169.254"sv, A, "169.254.169.254"sv},
    {"168.63.129.16"sv, A, "168.63.129.16"sv},
    {"203.0.113.7"sv, A, "203.0.113.7"sv},
    {"198.51.100.200"sv, A, "198.51.100.200"sv},
    {"192.0.2.0"sv, A, "192.0.2.0"sv},
    {"1.10.100.200"sv, A, "1.10.100.200"sv},
    {"199.200.249.250"sv, A, "199.200.249.250"sv},
    {"0.0.0.255"sv, A, "0.0.0.255"sv},
    {"255.0.0.0"sv, A, "255.0.0.0"sv},
    // A bare address is the single-address prefix.
    {"1.2.3.4"sv, P, "1.2.3.4/32"sv},
    {"0.0.0.0"sv, P, "0.0.0.0/32"sv},
    {"255.255.255.255"sv, P, "255.255.255.255/32"sv},
    {"1.2.3.4"sv, R, "1.2.3.4/32"sv},
    {"10.0.0.1"sv, PT, "10.0.0.1/32"sv},
    {"10.0.0.1"sv, RT, "10.0.0.1/32"sv},
};

// Valid IPv6 addresses and RFC 5952 output: lower case, no leading zeros, the longest run of
// two or more zero groups as `::` (the first on a tie), a single zero group never compressed.
static const ValidCase kValidIPv6[] = {
    {"::"sv, A, "::"sv},
    {"::1"sv, A, "::1"sv},
    {"1::"sv, A, "1::"sv},
    {"0:0:0:0:0:0:0:0"sv, A, "::"sv},
    {"0:0:0:0:0:0:0:1"sv, A, "::1"sv},
    {"0000:0000:0000:0000:0000:0000:0000:0001"sv, A, "::1"sv},
    {"00:000:0000:0:0:0:0:1"sv, A, "::1"sv},
    {"1:0:0:0:0:0:0:0"sv, A, "1::"sv},
    {"1:0:0:0:0:0:0:1"sv, A, "1::1"sv},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv, A, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv},
    {"FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF"sv, A, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv},
    {"fFfF:FfFf:ffff:ffff:ffff:ffff:ffff:FFFF"sv, A, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv},
    {"2001:db8::1"sv, A, "2001:db8::1"sv},
    {"2001:DB8::1"sv, A, "2001:db8::1"sv},
    {"2001:0db8:0000:0000:0000:0000:0000:0001"sv, A, "2001:db8::1"sv},
    {"2001:0DB8:0:0:0:0:0:1"sv, A, "2001:db8::1"sv},
    {"2001:0db8::0001"sv, A, "2001:db8::1"sv},
    {"2001:db8:0::1"sv, A, "2001:db8::1"sv},
    {"2001:db8::0:1"sv, A, "2001:db8::1"sv},
    {"2001:db8:0:0:0:0:2:1"sv, A, "2001:db8::2:1"sv},
    {"2001:db8:0:0:1:0:0:1"sv, A, "2001:db8::1:0:0:1"sv},
    {"2001:db8:0:1:1:1:1:1"sv, A, "2001:db8:0:1:1:1:1:1"sv},
    {"2001:db8::1:1:1:1:1"sv, A, "2001:db8:0:1:1:1:1:1"sv},
    {"2001:0:0:1:0:0:0:1"sv, A, "2001:0:0:1::1"sv},
    {"1:0:0:2:0:0:3:4"sv, A, "1::2:0:0:3:4"sv},
    {"1:0:0:0:2:0:0:0"sv, A, "1::2:0:0:0"sv},
    {"1:0:0:2:0:0:0:3"sv, A, "1:0:0:2::3"sv},
    {"0:0:1:0:0:0:0:1"sv, A, "0:0:1::1"sv},
    {"0:0:1:2:3:4:0:0"sv, A, "::1:2:3:4:0:0"sv},
    {"0:0:0:1:0:0:0:0"sv, A, "0:0:0:1::"sv},
    {"::1:0:0:0:0"sv, A, "0:0:0:1::"sv},
    {"0:0:0:1:0:0:0:1"sv, A, "::1:0:0:0:1"sv},
    {"1:0:0:0:1:0:0:0"sv, A, "1::1:0:0:0"sv},
    {"0:1:0:0:1:0:0:0"sv, A, "0:1:0:0:1::"sv},
    {"1:1:0:0:1:1:0:0"sv, A, "1:1::1:1:0:0"sv},
    {"0:0:0:0:1:0:0:0"sv, A, "::1:0:0:0"sv},
    {"0:0:1:1:1:1:1:1"sv, A, "::1:1:1:1:1:1"sv},
    {"1:1:1:1:1:1:0:0"sv, A, "1:1:1:1:1:1::"sv},
    {"0:1:1:1:1:1:1:0"sv, A, "0:1:1:1:1:1:1:0"sv},
    {"0:1:0:1:0:1:0:1"sv, A, "0:1:0:1:0:1:0:1"sv},
    {"1:0:1:0:1:0:1:0"sv, A, "1:0:1:0:1:0:1:0"sv},
    {"0:0:0:0:0:0:1:0"sv, A, "::1:0"sv},
    {"1:2:3:4:5:6:7:8"sv, A, "1:2:3:4:5:6:7:8"sv},
    {"0001:0002:0003:0004:0005:0006:0007:0008"sv, A, "1:2:3:4:5:6:7:8"sv},
    // `::` standing for exactly one zero group; the single zero is printed, not compressed.
    {"1:2:3:4:5:6:7::"sv, A, "1:2:3:4:5:6:7:0"sv},
    {"::2:3:4:5:6:7:8"sv, A, "0:2:3:4:5:6:7:8"sv},
    {"1::3:4:5:6:7:8"sv, A, "1:0:3:4:5:6:7:8"sv},
    {"1:2:3::5:6:7:8"sv, A, "1:2:3:0:5:6:7:8"sv},
    {"1:2:3:4:5:6::8"sv, A, "1:2:3:4:5:6:0:8"sv},
    {"1:2:3:4:5:6::"sv, A, "1:2:3:4:5:6::"sv},
    {"1:2:3:4:5::"sv, A, "1:2:3:4:5::"sv},
    {"::3:4:5:6:7:8"sv, A, "::3:4:5:6:7:8"sv},
    {"1:2::"sv, A, "1:2::"sv},
    {"::ffff"sv, A, "::ffff"sv},
    {"::ffff:0"sv, A, "::ffff:0"sv},
    {"8000::"sv, A, "8000::"sv},
    {"::8000"sv, A, "::8000"sv},
    {"fe80::"sv, A, "fe80::"sv},
    {"fe80::1"sv, A, "fe80::1"sv},
    {"FE80::ABCD:EF01"sv, A, "fe80::abcd:ef01"sv},
    {"fE80::aBcD"sv, A, "fe80::abcd"sv},
    {"2001:Db8:AbCd::eF"sv, A, "2001:db8:abcd::ef"sv},
    {"2001:db8:a:b:c:d:e:f"sv, A, "2001:db8:a:b:c:d:e:f"sv},
    {"2001:db8::"sv, A, "2001:db8::"sv},
    {"2001:db8:0:0:0:0:0:0"sv, A, "2001:db8::"sv},
    {"2001:db8:1::"sv, A, "2001:db8:1::"sv},
    {"2001:db8:0:0:1::"sv, A, "2001:db8:0:0:1::"sv},
    {"2001:db8::1:0:0:0"sv, A, "2001:db8:0:0:1::"sv},
    {"2001:db8::aaaa:0:0:1"sv, A, "2001:db8::aaaa:0:0:1"sv},
    {"2001:db8:0:0:aaaa::1"sv, A, "2001:db8::aaaa:0:0:1"sv},
    {"2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001"sv, A, "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1"sv},
    {"2001:0db8:0001:0000:0000:0ab9:C0A8:0102"sv, A, "2001:db8:1::ab9:c0a8:102"sv},
    {"ff02::1:ff00:1"sv, A, "ff02::1:ff00:1"sv},
    {"abcd:ef01:2345:6789:abcd:ef01:2345:6789"sv, A, "abcd:ef01:2345:6789:abcd:ef01:2345:6789"sv},
    {"ABCD:EF01:2345:6789:ABCD:EF01:2345:6789"sv, A, "abcd:ef01:2345:6789:abcd:ef01:2345:6789"sv},
    // A bare IPv6 address is the /128.
    {"::1"sv, P, "::1/128"sv},
    {"::"sv, P, "::/128"sv},
    {"2001:DB8::"sv, P, "2001:db8::/128"sv},
    {"::1"sv, R, "::1/128"sv},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv, R, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"sv},
};

// Embedded IPv4 tails: allowed in the last 32 bits; only IPv4-mapped (::ffff:0:0/96) prints
// with a dotted tail, everything else (IPv4-compatible, NAT64, SIIT) in hex. Mapped stays IPv6.
static const ValidCase kValidEmbedded[] = {
    {"::ffff:1.2.3.4"sv, A, "::ffff:1.2.3.4"sv},
    {"::FFFF:1.2.3.4"sv, A, "::ffff:1.2.3.4"sv},
    {"0:0:0:0:0:ffff:1.2.3.4"sv, A, "::ffff:1.2.3.4"sv},
    {"0::FFFF:192.168.0.1"sv, A, "::ffff:192.168.0.1"sv},
    {"0000:0000:0000:0000:0000:FFFF:0102:0304"sv, A, "::ffff:1.2.3.4"sv},
    {"::ffff:102:304"sv, A, "::ffff:1.2.3.4"sv},
    {"0:0:0:0:0:FFFF:7F00:0001"sv, A, "::ffff:127.0.0.1"sv},
    {"::ffff:0.0.0.0"sv, A, "::ffff:0.0.0.0"sv},
    {"::ffff:0:0"sv, A, "::ffff:0.0.0.0"sv},
    {"::ffff:0:1"sv, A, "::ffff:0.0.0.1"sv},
    {"::ffff:255.255.255.255"sv, A, "::ffff:255.255.255.255"sv},
    {"::ffff:ffff:ffff"sv, A, "::ffff:255.255.255.255"sv},
    {"::ffff:10.0.0.1"sv, A, "::ffff:10.0.0.1"sv},
    {"::1.2.3.4"sv, A, "::102:304"sv},
    {"::0.0.0.1"sv, A, "::1"sv},
    {"::0.0.0.0"sv, A, "::"sv},
    {"::255.255.255.255"sv, A, "::ffff:ffff"sv},
    {"64:ff9b::1.2.3.4"sv, A, "64:ff9b::102:304"sv},
    {"64:ff9b::192.0.2.33"sv, A, "64:ff9b::c000:221"sv},
    {"1:2:3:4:5:6:1.2.3.4"sv, A, "1:2:3:4:5:6:102:304"sv},
    {"1:2:3:4:5:6:0.0.0.0"sv, A, "1:2:3:4:5:6::"sv},
    {"::1:2:3:4:5:1.2.3.4"sv, A, "0:1:2:3:4:5:102:304"sv},
    {"1::1.2.3.4"sv, A, "1::102:304"sv},
    {"::ffff:0:1.2.3.4"sv, A, "::ffff:0:102:304"sv},
    {"2001:db8::ffff:1.2.3.4"sv, A, "2001:db8::ffff:102:304"sv},
    {"::fffe:1.2.3.4"sv, A, "::fffe:102:304"sv},
    {"::1:ffff:1.2.3.4"sv, A, "::1:ffff:102:304"sv},
    {"::ffff:1.2.3.4"sv, P, "::ffff:1.2.3.4/128"sv},
    {"::ffff:1.2.3.4"sv, R, "::ffff:1.2.3.4/128"sv},
};

// Valid prefixes: plain decimal length within the family, host bits zero.
static const ValidCase kValidPrefixes[] = {
    {"0.0.0.0/0"sv, P, "0.0.0.0/0"sv},
    {"0.0.0.0/1"sv, P, "0.0.0.0/1"sv},
    {"128.0.0.0/1"sv, P, "128.0.0.0/1"sv},
    {"10.0.0.0/7"sv, P, "10.0.0.0/7"sv},
    {"10.0.0.0/8"sv, P, "10.0.0.0/8"sv},
    {"10.0.0.0/32"sv, P, "10.0.0.0/32"sv},
    {"0.0.0.0/32"sv, P, "0.0.0.0/32"sv},
    {"172.16.0.0/12"sv, P, "172.16.0.0/12"sv},
    {"100.64.0.0/10"sv, P, "100.64.0.0/10"sv},
    {"192.168.0.0/16"sv, P, "192.168.0.0/16"sv},
    {"10.1.2.0/24"sv, P, "10.1.2.0/24"sv},
    {"10.1.2.128/25"sv, P, "10.1.2.128/25"sv},
    {"10.1.2.240/28"sv, P, "10.1.2.240/28"sv},
    {"10.1.2.248/29"sv, P, "10.1.2.248/29"sv},
    {"10.1.2.252/30"sv, P, "10.1.2.252/30"sv},
    {"1.2.3.4/32"sv, P, "1.2.3.4/32"sv},
    {"1.2.3.4/31"sv, P, "1.2.3.4/31"sv},
    {"1.2.3.4/30"sv, P, "1.2.3.4/30"sv},
    {"224.0.0.0/4"sv, P, "224.0.0.0/4"sv},
    {"255.255.255.255/32"sv, P, "255.255.255.255/32"sv},
    {"255.255.255.254/31"sv, P, "255.255.255.254/31"sv},
    {"255.255.255.0/24"sv, P, "255.255.255.0/24"sv},
    {"255.255.0.0/16"sv, P, "255.255.0.0/16"sv},
    {"255.0.0.0/8"sv, P, "255.0.0.0/8"sv},
    {"254.0.0.0/7"sv, P, "254.0.0.0/7"sv},
    {"::/0"sv, P, "::/0"sv},
    {"::/1"sv, P, "::/1"sv},
    {"::/128"sv, P, "::/128"sv},
    {"::1/128"sv, P, "::1/128"sv},
    {"8000::/1"sv, P, "8000::/1"sv},
    {"2001:db8::/32"sv, P, "2001:db8::/32"sv},
    {"2001:DB8::/32"sv, P, "2001:db8::/32"sv},
    {"2001:0db8:0000:0000:0000:0000:0000:0000/32"sv, P, "2001:db8::/32"sv},
    {"2001:db8::/64"sv, P, "2001:db8::/64"sv},
    {"2001:db8:0:1::/64"sv, P, "2001:db8:0:1::/64"sv},
    {"2001:db8:0:0:1::/80"sv, P, "2001:db8:0:0:1::/80"sv},
    {"2001:db8::1:0:0:0/80"sv, P, "2001:db8:0:0:1::/80"sv},
    {"2001:db8::8000/113"sv, P, "2001:db8::8000/113"sv},
    {"2001:db8::/127"sv, P, "2001:db8::/127"sv},
    {"fe80::/10"sv, P, "fe80::/10"sv},
    {"FE80::/10"sv, P, "fe80::/10"sv},
    {"fc00::/7"sv, P, "fc00::/7"sv},
    {"ff00::/8"sv, P, "ff00::/8"sv},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"sv, P,
     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"sv},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"sv, P,
     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"sv},
    {"ffff:ffff:ffff:ffff::/64"sv, P, "ffff:ffff:ffff:ffff::/64"sv},
    {"::ffff:0:0/96"sv, P, "::ffff:0.0.0.0/96"sv},
    {"::ffff:0.0.0.0/96"sv, P, "::ffff:0.0.0.0/96"sv},
    {"::ffff:10.0.0.0/104"sv, P, "::ffff:10.0.0.0/104"sv},
    {"::ffff:1.2.3.4/128"sv, P, "::ffff:1.2.3.4/128"sv},
    {"64:ff9b::/96"sv, P, "64:ff9b::/96"sv},
    {"64:ff9b::1.2.3.0/120"sv, P, "64:ff9b::102:300/120"sv},
    {"1:2:3:4:5:6:7::/128"sv, P, "1:2:3:4:5:6:7:0/128"sv},
    // A prefix is also a range.
    {"10.0.0.0/8"sv, R, "10.0.0.0/8"sv},
    {"0.0.0.0/0"sv, R, "0.0.0.0/0"sv},
    {"2001:db8::/32"sv, R, "2001:db8::/32"sv},
    {"::/0"sv, R, "::/0"sv},
    {"::ffff:0:0/96"sv, R, "::ffff:0.0.0.0/96"sv},
};

// Host bits under HostBits::kTruncate: accepted, cleared, and flagged for a warning.
static const ValidCase kValidTruncated[] = {
    {"10.0.0.1/8"sv, PT, "10.0.0.0/8"sv, true},
    {"10.1.2.3/24"sv, PT, "10.1.2.0/24"sv, true},
    {"192.168.1.130/25"sv, PT, "192.168.1.128/25"sv, true},
    {"10.0.0.0/6"sv, PT, "8.0.0.0/6"sv, true},
    {"1.2.3.5/31"sv, PT, "1.2.3.4/31"sv, true},
    {"255.255.255.255/0"sv, PT, "0.0.0.0/0"sv, true},
    {"255.255.255.255/1"sv, PT, "128.0.0.0/1"sv, true},
    {"255.255.255.255/31"sv, PT, "255.255.255.254/31"sv, true},
    {"2001:db8::1/64"sv, PT, "2001:db8::/64"sv, true},
    {"2001:db8::8000/112"sv, PT, "2001:db8::/112"sv, true},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/0"sv, PT, "::/0"sv, true},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/1"sv, PT, "8000::/1"sv, true},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127"sv, PT,
     "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"sv, true},
    {"::ffff:1.2.3.4/120"sv, PT, "::ffff:1.2.3.0/120"sv, true},
    {"::ffff:1.2.3.4/96"sv, PT, "::ffff:0.0.0.0/96"sv, true},
    // Clearing bit 95 leaves ::fffe:0:0, which is no longer IPv4-mapped: hex.
    {"::ffff:1.2.3.4/95"sv, PT, "::fffe:0:0/95"sv, true},
    {"fe80::1234/10"sv, PT, "fe80::/10"sv, true},
    {"10.0.0.1/8"sv, RT, "10.0.0.0/8"sv, true},
    {"2001:db8::1/32"sv, RT, "2001:db8::/32"sv, true},
    // Nothing to clear: the flag stays false.
    {"10.0.0.0/8"sv, PT, "10.0.0.0/8"sv, false},
    {"2001:db8::/32"sv, PT, "2001:db8::/32"sv, false},
    {"::"sv, PT, "::/128"sv, false},
    {"10.0.0.0-10.0.0.255"sv, RT, "10.0.0.0/24"sv, false},
};

// Ranges `first-last`: a range that is exactly one prefix prints as that prefix.
static const ValidCase kValidRanges[] = {
    {"10.0.0.0-10.0.0.255"sv, R, "10.0.0.0/24"sv},
    {"10.0.0.1-10.0.0.1"sv, R, "10.0.0.1/32"sv},
    {"0.0.0.0-255.255.255.255"sv, R, "0.0.0.0/0"sv},
    {"::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv, R, "::/0"sv},
    {"10.0.0.10-10.0.0.99"sv, R, "10.0.0.10-10.0.0.99"sv},
    {"10.0.0.0-10.0.0.254"sv, R, "10.0.0.0-10.0.0.254"sv},
    {"10.0.0.1-10.0.0.255"sv, R, "10.0.0.1-10.0.0.255"sv},
    {"10.0.0.0-10.0.1.255"sv, R, "10.0.0.0/23"sv},
    {"10.0.1.0-10.0.2.255"sv, R, "10.0.1.0-10.0.2.255"sv},
    {"10.0.0.0-10.0.0.1"sv, R, "10.0.0.0/31"sv},
    {"10.0.0.1-10.0.0.2"sv, R, "10.0.0.1-10.0.0.2"sv},
    {"0.0.0.0-0.0.0.0"sv, R, "0.0.0.0/32"sv},
    {"255.255.255.255-255.255.255.255"sv, R, "255.255.255.255/32"sv},
    {"0.0.0.0-127.255.255.255"sv, R, "0.0.0.0/1"sv},
    {"128.0.0.0-255.255.255.255"sv, R, "128.0.0.0/1"sv},
    {"0.0.0.1-255.255.255.255"sv, R, "0.0.0.1-255.255.255.255"sv},
    {"0.0.0.0-255.255.255.254"sv, R, "0.0.0.0-255.255.255.254"sv},
    {"10.0.0.0-10.255.255.255"sv, R, "10.0.0.0/8"sv},
    {"2001:db8::-2001:db8::ffff"sv, R, "2001:db8::/112"sv},
    {"2001:db8::1-2001:db8::ff"sv, R, "2001:db8::1-2001:db8::ff"sv},
    {"2001:DB8::1-2001:DB8::1"sv, R, "2001:db8::1/128"sv},
    {"2001:db8::-2001:db8:0:0:ffff:ffff:ffff:ffff"sv, R, "2001:db8::/64"sv},
    {"2001:0db8:0000:0000:0000:0000:0000:0000-2001:0db8:0000:0000:ffff:ffff:ffff:ffff"sv, R,
     "2001:db8::/64"sv},
    {"fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv, R, "fe80::/10"sv},
    {"::-::"sv, R, "::/128"sv},
    {"::-::1"sv, R, "::/127"sv},
    {"::1-::2"sv, R, "::1-::2"sv},
    {"::-::ffff"sv, R, "::/112"sv},
    {"::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv, R,
     "::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv},
    {"::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"sv, R,
     "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"sv},
    {"8000::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"sv, R, "8000::/1"sv},
    {"::ffff:1.2.3.0-::ffff:1.2.3.255"sv, R, "::ffff:1.2.3.0/120"sv},
    {"::ffff:1.2.3.4-::ffff:1.2.3.9"sv, R, "::ffff:1.2.3.4-::ffff:1.2.3.9"sv},
    {"::ffff:0.0.0.0-::ffff:255.255.255.255"sv, R, "::ffff:0.0.0.0/96"sv},
    {"::ffff:0:0-::ffff:ffff:ffff"sv, R, "::ffff:0.0.0.0/96"sv},
    {"::1.2.3.4-::1.2.3.5"sv, R, "::102:304/127"sv},
    {"::1.2.3.5-::1.2.3.6"sv, R, "::102:305-::102:306"sv},
    {"::ffff:255.255.255.255-::1:0:0:0"sv, R, "::ffff:255.255.255.255-::1:0:0:0"sv},
};

// ---------------------------------------------------------------------------------------------
// Invalid IPv4 text.
static const InvalidCase kInvalidIPv4[] = {
    {""sv, A, K::kEmpty, 1},
    {""sv, P, K::kEmpty, 1},
    {""sv, R, K::kEmpty, 1},
    // Leading zeros: ambiguous octal.
    {"01.2.3.4"sv, A, K::kIPv4LeadingZero, 1},
    {"1.2.3.00"sv, A, K::kIPv4LeadingZero, 7},
    {"1.2.3.01"sv, A, K::kIPv4LeadingZero, 7},
    {"1.2.3.000"sv, A, K::kIPv4LeadingZero, 7},
    {"00.0.0.0"sv, A, K::kIPv4LeadingZero, 1},
    {"1.02.3.4"sv, A, K::kIPv4LeadingZero, 3},
    {"1.2.003.4"sv, A, K::kIPv4LeadingZero, 5},
    {"010.0.0.1"sv, A, K::kIPv4LeadingZero, 1},
    {"017.0.0.1"sv, A, K::kIPv4LeadingZero, 1},
    {"10.0.0.09"sv, A, K::kIPv4LeadingZero, 8},
    {"01.0.0.0/8"sv, P, K::kIPv4LeadingZero, 1},
    // Octets out of range.
    {"256.0.0.0"sv, A, K::kIPv4OctetTooLarge, 1},
    {"1.2.3.256"sv, A, K::kIPv4OctetTooLarge, 7},
    {"1.2.300.4"sv, A, K::kIPv4OctetTooLarge, 5},
    {"999.1.1.1"sv, A, K::kIPv4OctetTooLarge, 1},
    {"1.2.3.1000"sv, A, K::kIPv4OctetTooLarge, 7},
    {"255.255.255.256"sv, A, K::kIPv4OctetTooLarge, 13},
    {"1.4294967297.0.0"sv, A, K::kIPv4OctetTooLarge, 3},
    // Wrong octet counts: shortened forms, too many octets.
    {"10"sv, A, K::kNotAnAddress, 1},
    {"0"sv, A, K::kNotAnAddress, 1},
    {"2130706433"sv, A, K::kNotAnAddress, 1},
    {"10"sv, P, K::kNotAnAddress, 1},
    {"10.1"sv, A, K::kIPv4WrongOctetCount, 4},
    {"10.1.2"sv, A, K::kIPv4WrongOctetCount, 6},
    {"127.1"sv, A, K::kIPv4WrongOctetCount, 5},
    {"1.2.3.4.5"sv, A, K::kIPv4WrongOctetCount, 8},
    {"1.2.3.4.5.6"sv, A, K::kIPv4WrongOctetCount, 8},
    {"10.1/16"sv, P, K::kIPv4WrongOctetCount, 4},
    // Empty octets.
    {"1..2.3"sv, A, K::kIPv4EmptyOctet, 3},
    {".1.2.3"sv, A, K::kIPv4EmptyOctet, 1},
    {"1.2..3"sv, A, K::kIPv4EmptyOctet, 5},
    {"."sv, A, K::kIPv4EmptyOctet, 1},
    {"..."sv, A, K::kIPv4EmptyOctet, 1},
    // Hex and other non-decimal spellings.
    {"0x0a.0.0.1"sv, A, K::kUnexpectedCharacter, 2},
    {"0xa.0.0.1"sv, A, K::kUnexpectedCharacter, 2},
    {"1.2.3.0x4"sv, A, K::kUnexpectedCharacter, 8},
    {"0x7f000001"sv, A, K::kNotAnAddress, 1},
    {"1.2.3.4a"sv, A, K::kUnexpectedCharacter, 8},
    {"1.2.3.-4"sv, A, K::kUnexpectedCharacter, 7},
    {"1.2.3.+4"sv, A, K::kUnexpectedCharacter, 7},
    {"hello"sv, A, K::kNotAnAddress, 1},
    {"abcd"sv, A, K::kNotAnAddress, 1},
    // No ':' means the IPv4 grammar (parse.h): a letter is just an unexpected character.
    {"a.b.c.d"sv, A, K::kUnexpectedCharacter, 1},
    {"1e.0.0.1"sv, A, K::kUnexpectedCharacter, 2},
    {"fe80.1.2.3"sv, A, K::kUnexpectedCharacter, 1},
    {"1.2.3.4/"sv, A, K::kUnexpectedCharacter, 8},
    {"10.0.0.0/8"sv, A, K::kUnexpectedCharacter, 9},
    {"10.0.0.0-10.0.0.255"sv, A, K::kUnexpectedCharacter, 9},
    {"10.0.0.0-10.0.0.255"sv, P, K::kUnexpectedCharacter, 9},
    // IPv4 has no zone ids: the '%' is just a stray character.
    {"1.2.3.4%eth0"sv, A, K::kUnexpectedCharacter, 8},
    // Whitespace is not part of a value (the caller strips it).
    {" 1.2.3.4"sv, A, K::kUnexpectedCharacter, 1},
    {"1.2.3.4 "sv, A, K::kUnexpectedCharacter, 8},
    {"1.2. 3.4"sv, A, K::kUnexpectedCharacter, 5},
    {"\t1.2.3.4"sv, A, K::kUnexpectedCharacter, 1},
    {"1.2.3.4\t"sv, A, K::kUnexpectedCharacter, 8},
    {"1.2.3.4\n"sv, A, K::kUnexpectedCharacter, 8},
    {"1.2.3.4\r"sv, A, K::kUnexpectedCharacter, 8},
    {" "sv, A, K::kNotAnAddress, 1},
    // NUL bytes and non-ASCII bytes.
    {"1.2\0.3.4"sv, A, K::kUnexpectedCharacter, 4},
    {"1.2.3.4\0"sv, A, K::kUnexpectedCharacter, 8},
    {"\0"sv, A, K::kNotAnAddress, 1},
    {"\0" "1.2.3.4"sv, A, K::kUnexpectedCharacter, 1},
    {"1.2.3.\xc3\xa9"sv, A, K::kUnexpectedCharacter, 7},
    {"\xef\xbb\xbf" "1.2.3.4"sv, A, K::kUnexpectedCharacter, 1},
    {"\xef\xbc\x91.2.3.4"sv, A, K::kUnexpectedCharacter, 1},  // fullwidth digit one
    {"1.2.3.\xef\xbc\x94"sv, A, K::kUnexpectedCharacter, 7},
    {"1.2.3.4\xc2\xa0"sv, A, K::kUnexpectedCharacter, 8},     // no-break space
    {"\xff"sv, A, K::kNotAnAddress, 1},
    {"1.2.3.\xff"sv, A, K::kUnexpectedCharacter, 7},
};

// Invalid IPv6 text.
static const InvalidCase kInvalidIPv6[] = {
    // Lone colons and ':::'.
    {":"sv, A, K::kIPv6EmptyGroup, 1},
    {":::"sv, A, K::kIPv6EmptyGroup, 3},
    {":::1"sv, A, K::kIPv6EmptyGroup, 3},
    {"1:::"sv, A, K::kIPv6EmptyGroup, 4},
    {"1:::2"sv, A, K::kIPv6EmptyGroup, 4},
    {"2001:db8:::1"sv, A, K::kIPv6EmptyGroup, 11},
    {":1:2:3:4:5:6:7"sv, A, K::kIPv6EmptyGroup, 1},
    {":1::"sv, A, K::kIPv6EmptyGroup, 1},
    {"1:2:3:4:5:6:7:"sv, A, K::kIPv6EmptyGroup, 14},
    {"1::2:"sv, A, K::kIPv6EmptyGroup, 5},
    {"1:2:3:4:5:6:7:8:"sv, A, K::kIPv6EmptyGroup, 16},
    {"1:2::3:"sv, A, K::kIPv6EmptyGroup, 7},
    // Two '::'.
    {"1::2::3"sv, A, K::kIPv6SecondDoubleColon, 5},
    {"::1::"sv, A, K::kIPv6SecondDoubleColon, 4},
    {"1::2::"sv, A, K::kIPv6SecondDoubleColon, 5},
    {"::1:2::3"sv, A, K::kIPv6SecondDoubleColon, 6},
    {"2001:db8::1::1"sv, A, K::kIPv6SecondDoubleColon, 12},
    // Too many groups: 9 groups, or 8 groups plus '::' (which must stand for at least one).
    {"1:2:3:4:5:6:7:8:9"sv, A, K::kIPv6TooManyGroups, 17},
    {"1:2:3:4:5:6:7:8:9:10"sv, A, K::kIPv6TooManyGroups, 17},
    {"1:2:3:4:5:6:7:8::"sv, A, K::kIPv6TooManyGroups, 16},
    {"::1:2:3:4:5:6:7:8"sv, A, K::kIPv6TooManyGroups, 1},
    {"1:2:3:4::5:6:7:8"sv, A, K::kIPv6TooManyGroups, 8},
    {"1:2:3:4:5:6::1.2.3.4"sv, A, K::kIPv6TooManyGroups, 12},
    {"2001:db8::1:2:3:4:5:6:7"sv, A, K::kIPv6TooManyGroups, 23},
    // Too few groups without '::'.
    {"1:2:3:4:5:6:7"sv, A, K::kIPv6TooFewGroups, 13},
    {"1:2"sv, A, K::kIPv6TooFewGroups, 3},
    {"2001:db8:1"sv, A, K::kIPv6TooFewGroups, 10},
    // Groups of five or more hex digits, leading zeros or not.
    {"12345::"sv, A, K::kIPv6GroupTooLong, 1},
    {"1:12345::"sv, A, K::kIPv6GroupTooLong, 3},
    {"::12345"sv, A, K::kIPv6GroupTooLong, 3},
    {"1:2:3:4:5:6:7:12345"sv, A, K::kIPv6GroupTooLong, 15},
    {"00000::1"sv, A, K::kIPv6GroupTooLong, 1},
    {"::00001"sv, A, K::kIPv6GroupTooLong, 3},
    {"2001:0db8a::1"sv, A, K::kIPv6GroupTooLong, 6},
    // Characters that are not hex digits.
    {"g::1"sv, A, K::kUnexpectedCharacter, 1},
    {"::g"sv, A, K::kUnexpectedCharacter, 3},
    {"2001:db8::1g"sv, A, K::kUnexpectedCharacter, 12},
    {"2001:db8::-1"sv, A, K::kUnexpectedCharacter, 11},
    {"2001:db8::/32"sv, A, K::kUnexpectedCharacter, 11},
    {"::/0"sv, A, K::kUnexpectedCharacter, 3},
    {"1:2:3:4:5:6:7:8x"sv, A, K::kUnexpectedCharacter, 16},
    {"fe80::1.2"sv, A, K::kIPv4WrongOctetCount, 9},
    // Whitespace, NUL and non-ASCII inside the value.
    {" ::1"sv, A, K::kUnexpectedCharacter, 1},
    {"::1 "sv, A, K::kUnexpectedCharacter, 4},
    {":: 1"sv, A, K::kUnexpectedCharacter, 3},
    {"::1\t"sv, A, K::kUnexpectedCharacter, 4},
    {"2001:db8::1 "sv, A, K::kUnexpectedCharacter, 12},
    {"2001: db8::1"sv, A, K::kUnexpectedCharacter, 6},
    {"::1\0"sv, A, K::kUnexpectedCharacter, 4},
    {"\0::1"sv, A, K::kUnexpectedCharacter, 1},
    {"::\0" "1"sv, A, K::kUnexpectedCharacter, 3},
    {"2001:db8::\xc3\xa9"sv, A, K::kUnexpectedCharacter, 11},
    {"::\xef\xbc\xa1"sv, A, K::kUnexpectedCharacter, 3},  // fullwidth 'A'
    // Brackets and zone ids.
    {"[::1]"sv, A, K::kBrackets, 1},
    {"[2001:db8::1]"sv, A, K::kBrackets, 1},
    {"::1]"sv, A, K::kBrackets, 4},
    {"[::1"sv, A, K::kBrackets, 1},
    {"[fe80::1%eth0]"sv, A, K::kBrackets, 1},
    {"fe80::1%eth0"sv, A, K::kZoneId, 8},
    {"fe80::1%1"sv, A, K::kZoneId, 8},
    {"fe80::1%25eth0"sv, A, K::kZoneId, 8},
    {"fe80::%eth0"sv, A, K::kZoneId, 7},
    {"fe80::1%"sv, A, K::kZoneId, 8},
    {"::1%lo"sv, A, K::kZoneId, 4},
    {"ff02::1%eth0"sv, A, K::kZoneId, 8},
    {"::ffff:1.2.3.4%eth0"sv, A, K::kZoneId, 15},
    {"fe80::1%eth0"sv, P, K::kZoneId, 8},
    {"fe80::1%eth0"sv, R, K::kZoneId, 8},
    // Bad embedded IPv4 tails.
    {"::ffff:1.2.3.04"sv, A, K::kIPv4LeadingZero, 14},
    {"::ffff:01.2.3.4"sv, A, K::kIPv4LeadingZero, 8},
    {"::ffff:1.2.3.256"sv, A, K::kIPv4OctetTooLarge, 14},
    {"::256.1.1.1"sv, A, K::kIPv4OctetTooLarge, 3},
    {"::ffff:1.2.3"sv, A, K::kIPv4WrongOctetCount, 12},
    {"::1.2.3"sv, A, K::kIPv4WrongOctetCount, 7},
    {"::ffff:1.2.3.4.5"sv, A, K::kIPv4WrongOctetCount, 15},
    {"::1.2.3.4.5"sv, A, K::kIPv4WrongOctetCount, 10},
    {"::ffff:1..2.3"sv, A, K::kIPv4EmptyOctet, 10},
    {"::ffff:1.2.3.0x4"sv, A, K::kUnexpectedCharacter, 15},
    {"::ffff:abc.1.2.3"sv, A, K::kUnexpectedCharacter, 8},
    {"::1.2.3.4/"sv, A, K::kUnexpectedCharacter, 10},
    // Misplaced tails: the dotted part must be exactly the last 32 bits.
    {"1:2:3:4:5:1.2.3.4"sv, A, K::kIPv6MisplacedIPv4, 11},
    {"1:2:3:4:5:6:7:1.2.3.4"sv, A, K::kIPv6MisplacedIPv4, 15},
    {"1:2:3:4:5:6:7::1.2.3.4"sv, A, K::kIPv6MisplacedIPv4, 16},
    // A ':' anywhere makes it IPv6, so a leading dotted quad is a misplaced tail.
    {"1.2.3.4::"sv, A, K::kIPv6MisplacedIPv4, 1},
    {"1.2.3.4::1"sv, A, K::kIPv6MisplacedIPv4, 1},
    {"1.2.3.4:80"sv, A, K::kIPv6MisplacedIPv4, 1},
    {"1.2.3.4:1:2:3:4:5:6"sv, R, K::kIPv6MisplacedIPv4, 1},
};

// Invalid prefix lengths, host bits, zone ids on prefixes.
static const InvalidCase kInvalidPrefixes[] = {
    {"10.0.0.0/"sv, P, K::kPrefixLengthMissing, 9},
    {"::/"sv, P, K::kPrefixLengthMissing, 3},
    {"10.0.0.0/"sv, PT, K::kPrefixLengthMissing, 9},
    {"/8"sv, P, K::kEmpty, 1},
    {"/"sv, P, K::kEmpty, 1},
    {"10.0.0.0/33"sv, P, K::kPrefixLengthTooLarge, 10},
    {"10.0.0.0/64"sv, P, K::kPrefixLengthTooLarge, 10},
    {"10.0.0.0/100"sv, P, K::kPrefixLengthTooLarge, 10},
    {"10.0.0.0/128"sv, P, K::kPrefixLengthTooLarge, 10},
    {"10.0.0.0/99999999999999999999"sv, P, K::kPrefixLengthTooLarge, 10},
    {"10.0.0.0/4294967304"sv, P, K::kPrefixLengthTooLarge, 10},
    {"10.0.0.0/33"sv, PT, K::kPrefixLengthTooLarge, 10},
    {"::/129"sv, P, K::kPrefixLengthTooLarge, 4},
    {"::/200"sv, P, K::kPrefixLengthTooLarge, 4},
    {"::/1280"sv, P, K::kPrefixLengthTooLarge, 4},
    {"2001:db8::/129"sv, P, K::kPrefixLengthTooLarge, 12},
    {"::ffff:1.2.3.4/129"sv, P, K::kPrefixLengthTooLarge, 16},
    {"10.0.0.0/08"sv, P, K::kPrefixLengthLeadingZero, 10},
    {"10.0.0.0/00"sv, P, K::kPrefixLengthLeadingZero, 10},
    {"10.0.0.0/032"sv, P, K::kPrefixLengthLeadingZero, 10},
    {"0.0.0.0/00"sv, P, K::kPrefixLengthLeadingZero, 9},
    {"::/00"sv, P, K::kPrefixLengthLeadingZero, 4},
    {"::/0128"sv, P, K::kPrefixLengthLeadingZero, 4},
    {"2001:db8::/032"sv, P, K::kPrefixLengthLeadingZero, 12},
    {"10.0.0.0/08"sv, PT, K::kPrefixLengthLeadingZero, 10},
    {"10.0.0.0/+8"sv, P, K::kPrefixLengthNotDecimal, 10},
    {"10.0.0.0/-1"sv, P, K::kPrefixLengthNotDecimal, 10},
    {"10.0.0.0/ 8"sv, P, K::kPrefixLengthNotDecimal, 10},
    {"10.0.0.0/8 "sv, P, K::kPrefixLengthNotDecimal, 11},
    {"10.0.0.0/\t8"sv, P, K::kPrefixLengthNotDecimal, 10},
    {"10.0.0.0/8.0"sv, P, K::kPrefixLengthNotDecimal, 11},
    {"10.0.0.0/24.0"sv, P, K::kPrefixLengthNotDecimal, 12},
    {"10.0.0.0/0x8"sv, P, K::kPrefixLengthNotDecimal, 11},
    {"10.0.0.0/8/8"sv, P, K::kPrefixLengthNotDecimal, 11},
    {"10.0.0.0/a"sv, P, K::kPrefixLengthNotDecimal, 10},
    {"10.0.0.0/8a"sv, P, K::kPrefixLengthNotDecimal, 11},
    {"10.0.0.0/8\0"sv, P, K::kPrefixLengthNotDecimal, 11},
    {"10.0.0.0/\xd9\xa8"sv, P, K::kPrefixLengthNotDecimal, 10},  // Arabic-Indic digit eight
    {"10.0.0.0/\xef\xbc\x98"sv, P, K::kPrefixLengthNotDecimal, 10},  // fullwidth eight
    {"::/+64"sv, P, K::kPrefixLengthNotDecimal, 4},
    {"::/ 64"sv, P, K::kPrefixLengthNotDecimal, 4},
    {"10.0.0.0 /8"sv, P, K::kUnexpectedCharacter, 9},
    {"10.0.0.0\0/8"sv, P, K::kUnexpectedCharacter, 9},
    {"2001:db8:: /32"sv, P, K::kUnexpectedCharacter, 11},
    {" 10.0.0.0/8"sv, P, K::kUnexpectedCharacter, 1},
    // Host bits set (rejected by default; column 1: the address that carries them).
    {"10.0.0.1/24"sv, P, K::kHostBitsSet, 1},
    {"10.0.0.1/8"sv, P, K::kHostBitsSet, 1},
    {"10.0.0.0/6"sv, P, K::kHostBitsSet, 1},
    {"1.2.3.4/0"sv, P, K::kHostBitsSet, 1},
    {"1.2.3.5/31"sv, P, K::kHostBitsSet, 1},
    {"255.255.255.255/31"sv, P, K::kHostBitsSet, 1},
    {"0.0.0.1/0"sv, P, K::kHostBitsSet, 1},
    {"2001:db8::1/64"sv, P, K::kHostBitsSet, 1},
    {"::1/127"sv, P, K::kHostBitsSet, 1},
    {"::1/0"sv, P, K::kHostBitsSet, 1},
    {"2001:db8::8000/112"sv, P, K::kHostBitsSet, 1},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127"sv, P, K::kHostBitsSet, 1},
    {"::ffff:1.2.3.4/96"sv, P, K::kHostBitsSet, 1},
    {"::ffff:0:0/95"sv, P, K::kHostBitsSet, 1},
    {"fe80::1/10"sv, P, K::kHostBitsSet, 1},
    {"10.0.0.1/8"sv, R, K::kHostBitsSet, 1},
    {"2001:db8::1/32"sv, R, K::kHostBitsSet, 1},
    // Zone ids and brackets on prefixes.
    {"fe80::1%eth0/64"sv, P, K::kZoneId, 8},
    {"fe80::%eth0/64"sv, P, K::kZoneId, 7},
    {"fe80::1%eth0/64"sv, PT, K::kZoneId, 8},
    {"fe80::%1/10"sv, R, K::kZoneId, 7},
    {"[2001:db8::]/32"sv, P, K::kBrackets, 1},
    {"[2001:db8::/32]"sv, P, K::kBrackets, 1},
};

// Invalid ranges.
static const InvalidCase kInvalidRanges[] = {
    {"10.0.0.9-10.0.0.1"sv, R, K::kRangeReversed, 10},
    {"10.0.0.1-10.0.0.0"sv, R, K::kRangeReversed, 10},
    {"255.255.255.255-0.0.0.0"sv, R, K::kRangeReversed, 17},
    {"::2-::1"sv, R, K::kRangeReversed, 5},
    {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff-::"sv, R, K::kRangeReversed, 41},
    {"::ffff:1.2.3.5-::ffff:1.2.3.4"sv, R, K::kRangeReversed, 16},
    {"10.0.0.9-10.0.0.1"sv, RT, K::kRangeReversed, 10},
    {"10.0.0.1-::1"sv, R, K::kRangeFamilyMismatch, 10},
    {"::1-10.0.0.1"sv, R, K::kRangeFamilyMismatch, 5},
    {"::ffff:10.0.0.1-10.0.0.2"sv, R, K::kRangeFamilyMismatch, 17},
    {"10.0.0.1-::ffff:10.0.0.2"sv, R, K::kRangeFamilyMismatch, 10},
    {"0.0.0.0-::"sv, R, K::kRangeFamilyMismatch, 9},
    {"10.0.0.0/24-10.0.1.0"sv, R, K::kRangeEndIsPrefix, 9},
    {"10.0.0.0-10.0.0.255/24"sv, R, K::kRangeEndIsPrefix, 20},
    {"10.0.0.1-10.0.0.2/32"sv, R, K::kRangeEndIsPrefix, 18},
    {"::/64-::1"sv, R, K::kRangeEndIsPrefix, 3},
    {"::1-::2/128"sv, R, K::kRangeEndIsPrefix, 8},
    {"10.0.0.0/24-10.0.1.0"sv, RT, K::kRangeEndIsPrefix, 9},
    {"-10.0.0.1"sv, R, K::kEmpty, 1},
    {"-"sv, R, K::kEmpty, 1},
    {"-::1"sv, R, K::kEmpty, 1},
    {"10.0.0.1--10.0.0.2"sv, R, K::kUnexpectedCharacter, 10},
    {"10.0.0.1-10.0.0.2-10.0.0.3"sv, R, K::kUnexpectedCharacter, 18},
    {"10.0.0.1 - 10.0.0.2"sv, R, K::kUnexpectedCharacter, 9},
    {"10.0.0.1- 10.0.0.2"sv, R, K::kUnexpectedCharacter, 10},
    {"10.0.0.1-10.0.0.256"sv, R, K::kIPv4OctetTooLarge, 17},
    {"10.0.0.1-010.0.0.2"sv, R, K::kIPv4LeadingZero, 10},
    {"01.0.0.1-10.0.0.2"sv, R, K::kIPv4LeadingZero, 1},
    {"10.0.0.1-10.0.0"sv, R, K::kIPv4WrongOctetCount, 15},
    {"10.0.0.1-10.0.0.1.5"sv, R, K::kIPv4WrongOctetCount, 18},
    {"10.0.0.1-10"sv, R, K::kNotAnAddress, 10},
    {"2001:db8::1-2001:db8:::2"sv, R, K::kIPv6EmptyGroup, 23},
    {"::1-::1::2"sv, R, K::kIPv6SecondDoubleColon, 8},
    {"fe80::1%eth0-fe80::2"sv, R, K::kZoneId, 8},
    {"fe80::1-fe80::2%eth0"sv, R, K::kZoneId, 16},
    {"[::1]-[::2]"sv, R, K::kBrackets, 1},
    {"::1-[::2]"sv, R, K::kBrackets, 5},
};

// Columns at the end of the text name its last character (a trailing '.', '-'), and a dotted
// quad followed by more groups is a misplaced tail, not a stray ':' in IPv4.
static const InvalidCase kEndAndTailCases[] = {
    {"1.2.3."sv, A, K::kIPv4EmptyOctet, 6},
    {"1.2.3.4."sv, A, K::kIPv4EmptyOctet, 8},
    {"::ffff:1.2.3."sv, A, K::kIPv4EmptyOctet, 13},
    {"10.0.0.1-"sv, R, K::kEmpty, 9},
    {"::1.2.3.4:5"sv, A, K::kIPv6MisplacedIPv4, 3},
    {"::ffff:1.2.3.4:0"sv, A, K::kIPv6MisplacedIPv4, 8},
};

// ---------------------------------------------------------------------------------------------

std::string kind_name(ParseErrorKind kind) {
  switch (kind) {
    case K::kNone: return "kNone";
    case K::kEmpty: return "kEmpty";
    case K::kNotAnAddress: return "kNotAnAddress";
    case K::kUnexpectedCharacter: return "kUnexpectedCharacter";
    case K::kIPv4WrongOctetCount: return "kIPv4WrongOctetCount";
    case K::kIPv4EmptyOctet: return "kIPv4EmptyOctet";
    case K::kIPv4LeadingZero: return "kIPv4LeadingZero";
    case K::kIPv4OctetTooLarge: return "kIPv4OctetTooLarge";
    case K::kIPv6EmptyGroup: return "kIPv6EmptyGroup";
    case K::kIPv6GroupTooLong: return "kIPv6GroupTooLong";
    case K::kIPv6TooManyGroups: return "kIPv6TooManyGroups";
    case K::kIPv6TooFewGroups: return "kIPv6TooFewGroups";
    case K::kIPv6SecondDoubleColon: return "kIPv6SecondDoubleColon";
    case K::kIPv6MisplacedIPv4: return "kIPv6MisplacedIPv4";
    case K::kZoneId: return "kZoneId";
    case K::kBrackets: return "kBrackets";
    case K::kPrefixLengthMissing: return "kPrefixLengthMissing";
    case K::kPrefixLengthNotDecimal: return "kPrefixLengthNotDecimal";
    case K::kPrefixLengthLeadingZero: return "kPrefixLengthLeadingZero";
    case K::kPrefixLengthTooLarge: return "kPrefixLengthTooLarge";
    case K::kHostBitsSet: return "kHostBitsSet";
    case K::kRangeFamilyMismatch: return "kRangeFamilyMismatch";
    case K::kRangeReversed: return "kRangeReversed";
    case K::kRangeEndIsPrefix: return "kRangeEndIsPrefix";
  }
  return "kind " + std::to_string(static_cast<int>(kind));
}

const char* call_name(Call call) {
  switch (call) {
    case Call::kAddress: return "parse_address";
    case Call::kPrefix: return "parse_prefix(kReject)";
    case Call::kPrefixTruncate: return "parse_prefix(kTruncate)";
    case Call::kRange: return "parse_range(kReject)";
    case Call::kRangeTruncate: return "parse_range(kTruncate)";
  }
  return "?";
}

// The input as a readable one-line C string literal, shortened when very long.
std::string shown(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < 100; ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x20 || u >= 0x7f || u == '"' || u == '\\') {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += static_cast<char>(u);
    }
  }
  out += '"';
  if (text.size() > 100) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

struct Outcome {
  ParseError error;
  bool host_bits_cleared = false;
  std::string text;  // canonical output when ok
  Address address;
  Prefix prefix;
  Range range;
};

Outcome run(Call call, std::string_view input) {
  Outcome out;
  switch (call) {
    case Call::kAddress: {
      const ParseResult<Address> r = parse_address(input);
      out.error = r.error;
      if (r.ok()) {
        out.address = r.value;
        out.text = to_string(r.value);
      }
      break;
    }
    case Call::kPrefix:
    case Call::kPrefixTruncate: {
      const ParseResult<Prefix> r = parse_prefix(
          input, call == Call::kPrefix ? HostBits::kReject : HostBits::kTruncate);
      out.error = r.error;
      out.host_bits_cleared = r.host_bits_cleared;
      if (r.ok()) {
        out.prefix = r.value;
        out.address = r.value.address();
        out.text = to_string(r.value);
      }
      break;
    }
    case Call::kRange:
    case Call::kRangeTruncate: {
      const ParseResult<Range> r =
          parse_range(input, call == Call::kRange ? HostBits::kReject : HostBits::kTruncate);
      out.error = r.error;
      out.host_bits_cleared = r.host_bits_cleared;
      if (r.ok()) {
        out.range = r.value;
        out.address = r.value.first();
        out.text = to_string(r.value);
      }
      break;
    }
  }
  return out;
}

// The strict form of a call: canonical output never has host bits set.
Call strict(Call call) {
  if (call == Call::kPrefixTruncate) return Call::kPrefix;
  if (call == Call::kRangeTruncate) return Call::kRange;
  return call;
}

template <std::size_t N>
void check_valid(const ValidCase (&cases)[N]) {
  for (const ValidCase& c : cases) {
    INFO(call_name(c.call) << "(" << shown(c.input) << ")");
    const Outcome got = run(c.call, c.input);
    CHECK(kind_name(got.error.kind) == kind_name(K::kNone));
    if (!got.error.ok()) continue;
    CHECK(got.text == std::string(c.canonical));
    CHECK(got.host_bits_cleared == c.host_bits_cleared);
    // The family follows the text: a ':' anywhere in the output means IPv6 (mapped too).
    const bool v6 = c.canonical.find(':') != std::string_view::npos;
    CHECK(got.address.family() == (v6 ? Family::kV6 : Family::kV4));

    // Round trip: the canonical text parses back to the same value and prints the same.
    INFO("round trip of " << shown(got.text));
    const Outcome again = run(strict(c.call), got.text);
    CHECK(kind_name(again.error.kind) == kind_name(K::kNone));
    CHECK(again.text == got.text);
    CHECK(again.address == got.address);
    CHECK(again.prefix == got.prefix);
    CHECK(again.range == got.range);
    CHECK_FALSE(again.host_bits_cleared);
  }
}

void check_invalid_one(std::string_view input, Call call, ParseErrorKind kind,
                       std::uint32_t column) {
  INFO(call_name(call) << "(" << shown(input) << ")");
  const Outcome got = run(call, input);
  CHECK(kind_name(got.error.kind) == kind_name(kind));
  CHECK(got.error.column == column);
  CHECK_FALSE(got.host_bits_cleared);
  // The message is printable and names the column.
  const std::string message = got.error.message("value", input);
  CHECK(message.find("at column " + std::to_string(got.error.column)) != std::string::npos);
  for (const char ch : message) {
    const auto u = static_cast<unsigned char>(ch);
    CHECK((u >= 0x20 && u < 0x7f));
    if (u < 0x20 || u >= 0x7f) break;
  }
}

template <std::size_t N>
void check_invalid(const InvalidCase (&cases)[N]) {
  for (const InvalidCase& c : cases) check_invalid_one(c.input, c.call, c.kind, c.column);
}

constexpr std::size_t kTableCases =
    std::size(kValidIPv4) + std::size(kValidIPv6) + std::size(kValidEmbedded) +
    std::size(kValidPrefixes) + std::size(kValidTruncated) + std::size(kValidRanges) +
    std::size(kInvalidIPv4) + std::size(kInvalidIPv6) + std::size(kInvalidPrefixes) +
    std::size(kInvalidRanges);
static_assert(kTableCases >= 320, "the brief asks for at least 320 table cases");

TEST_CASE("parse cases: valid IPv4 addresses", "[parse][cases]") { check_valid(kValidIPv4); }
TEST_CASE("parse cases: valid IPv6 addresses / RFC 5952 output", "[parse][cases]") {
  check_valid(kValidIPv6);
}
TEST_CASE("parse cases: embedded IPv4 tails", "[parse][cases]") { check_valid(kValidEmbedded); }
TEST_CASE("parse cases: valid prefixes", "[parse][cases]") { check_valid(kValidPrefixes); }
TEST_CASE("parse cases: host bits truncated on request", "[parse][cases]") {
  check_valid(kValidTruncated);
}
TEST_CASE("parse cases: valid ranges", "[parse][cases]") { check_valid(kValidRanges); }
TEST_CASE("parse cases: invalid IPv4", "[parse][cases]") { check_invalid(kInvalidIPv4); }
TEST_CASE("parse cases: invalid IPv6", "[parse][cases]") { check_invalid(kInvalidIPv6); }
TEST_CASE("parse cases: invalid prefixes", "[parse][cases]") { check_invalid(kInvalidPrefixes); }
TEST_CASE("parse cases: invalid ranges", "[parse][cases]") { check_invalid(kInvalidRanges); }

TEST_CASE("parse cases: end-of-text columns and misplaced IPv4 tails", "[parse][cases]") {
  check_invalid(kEndAndTailCases);
}

// Long inputs: 10,000 bytes or more, built at run time.
TEST_CASE("parse cases: overlong inputs are rejected at the right column", "[parse][cases]") {
  constexpr std::size_t kLong = 10000;
  std::string many_groups;
  for (int i = 0; i < 5000; ++i) many_groups += "1:";
  many_groups += "1";
  const struct {
    std::string input;
    Call call;
    ParseErrorKind kind;
    std::uint32_t column;
  } cases[] = {
      {std::string(kLong, '1'), A, K::kNotAnAddress, 1},
      {"1.2.3." + std::string(kLong, '4'), A, K::kIPv4OctetTooLarge, 7},
      {"1.2.3." + std::string(kLong, '0'), A, K::kIPv4LeadingZero, 7},
      {"1.2.3.4" + std::string(kLong, ' '), A, K::kUnexpectedCharacter, 8},
      {std::string(kLong, ' '), A, K::kNotAnAddress, 1},
      {std::string(kLong, '\0'), A, K::kNotAnAddress, 1},
      {std::string(kLong, '\xff'), R, K::kNotAnAddress, 1},
      {std::string(kLong, 'z') + ".1.1.1", A, K::kUnexpectedCharacter, 1},
      {many_groups, A, K::kIPv6TooManyGroups, 17},
      {std::string(kLong, 'f') + "::", A, K::kIPv6GroupTooLong, 1},
      {std::string(kLong, '0') + "1::", A, K::kIPv6GroupTooLong, 1},
      {"fe80::1%" + std::string(kLong, 'e'), A, K::kZoneId, 8},
      {"10.0.0.0/" + std::string(kLong, '9'), P, K::kPrefixLengthTooLarge, 10},
      {"::/" + std::string(kLong, '0'), P, K::kPrefixLengthLeadingZero, 4},
      {"10.0.0.1-" + std::string(kLong, '1'), R, K::kNotAnAddress, 10},
      {"10.0.0.1-10.0.0.2" + std::string(kLong, '.'), R, K::kIPv4WrongOctetCount, 18},
      {std::string(kLong, '.'), A, K::kIPv4EmptyOctet, 1},
      {std::string(kLong, ':'), A, K::kIPv6EmptyGroup, 3},
  };
  for (const auto& c : cases) {
    REQUIRE(c.input.size() >= kLong);
    check_invalid_one(c.input, c.call, c.kind, c.column);
    // The message quotes a bounded prefix of the input, not 10,000 bytes.
    const ParseError error = run(c.call, c.input).error;
    CHECK(error.message("value", c.input).size() < 400);
  }
}

// Every IPv4 prefix length on the all-ones address: exactly one length is host-bit free, and
// truncation gives the netmask. Mirrors the tables with the whole family swept.
TEST_CASE("parse cases: every IPv4 and IPv6 length / host bits and truncation",
          "[parse][cases]") {
  for (int length = 0; length <= 32; ++length) {
    const std::string text = "255.255.255.255/" + std::to_string(length);
    INFO(text);
    const ParseResult<Prefix> strict_result = parse_prefix(text);
    if (length == 32) {
      CHECK(strict_result.ok());
    } else {
      CHECK(kind_name(strict_result.error.kind) == kind_name(K::kHostBitsSet));
    }
    const ParseResult<Prefix> truncated = parse_prefix(text, HostBits::kTruncate);
    REQUIRE(truncated.ok());
    CHECK(truncated.host_bits_cleared == (length != 32));
    CHECK(truncated.value.length() == length);
    const std::uint32_t mask = length == 0 ? 0U : ~0U << (32 - length);
    CHECK(truncated.value.address().v4_value() == mask);
  }
  for (int length = 0; length <= 128; ++length) {
    const std::string text = "::/" + std::to_string(length);
    INFO(text);
    const ParseResult<Prefix> result = parse_prefix(text);
    REQUIRE(result.ok());
    CHECK(to_string(result.value) == text);
  }
  for (int length = 33; length <= 200; ++length) {
    const std::string text = "0.0.0.0/" + std::to_string(length);
    INFO(text);
    CHECK(kind_name(parse_prefix(text).error.kind) == kind_name(K::kPrefixLengthTooLarge));
  }
  for (int length = 129; length <= 300; ++length) {
    const std::string text = "::/" + std::to_string(length);
    INFO(text);
    CHECK(kind_name(parse_prefix(text).error.kind) == kind_name(K::kPrefixLengthTooLarge));
  }
}

// Every octet value 0-999 in every position: 0-255 without leading zero parse, the rest fail.
TEST_CASE("parse cases: every octet spelling", "[parse][cases]") {
  for (int value = 0; value <= 999; ++value) {
    for (const bool padded : {false, true}) {
      std::string octet = std::to_string(value);
      if (padded) octet = "0" + octet;
      for (int position = 0; position < 4; ++position) {
        std::string text;
        for (int i = 0; i < 4; ++i) {
          if (i != 0) text += '.';
          text += i == position ? octet : "1";
        }
        INFO(text);
        const ParseResult<Address> result = parse_address(text);
        const std::uint32_t column = static_cast<std::uint32_t>(2 * position + 1);
        if (padded) {
          REQUIRE_FALSE(result.ok());
          // "0256" has both a leading zero and a value over 255; either is a fair first report.
          if (value <= 255 || octet.size() <= 3) {
            CHECK(kind_name(result.error.kind) == kind_name(K::kIPv4LeadingZero));
          }
          CHECK(result.error.column == column);
        } else if (value <= 255) {
          REQUIRE(result.ok());
          CHECK(to_string(result.value) == text);
        } else {
          CHECK(kind_name(result.error.kind) == kind_name(K::kIPv4OctetTooLarge));
          CHECK(result.error.column == column);
        }
      }
    }
  }
}

}  // namespace
}  // namespace ipplan
