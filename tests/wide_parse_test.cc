// wide_parse_test.cc — the 16-byte IPv4 and IPv6 paths of try_parse_prefix against the scalar
// parser: the same acceptance and value on near-miss dotted quads (every octet and length width,
// leading zeros, values past 255 and 32, host bits, stray characters) and near-miss IPv6 texts
// (groups of 0-5 hex digits in either case, zero, one or two "::", IPv4 tails, lengths past 128,
// host bits, stray characters), followed by bytes that look like more of an address, so that
// reading past the text would show.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "../engine/src/ipv4_wide_parse.h"
#include "../engine/src/ipv6_wide_parse.h"
#include "ipplan/format.h"
#include "ipplan/parse.h"

using namespace ipplan;

namespace {

// A dotted quad with a length, then mutated: octets of 1-4 digits (some with leading zeros,
// some over 255), lengths of 0-3 digits, and now and then a character replaced, dropped or added.
std::string near_quad(std::mt19937_64& rng) {
  const auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const auto number = [&](int max_digits, int max_value) {
    std::string text = std::to_string(below(max_value + 1));
    if (below(8) == 0) text = std::string(static_cast<std::size_t>(below(2) + 1), '0') + text;
    if (static_cast<int>(text.size()) > max_digits) text.resize(static_cast<std::size_t>(max_digits));
    return text;
  };
  std::string text;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) text += '.';
    text += number(4, below(10) == 0 ? 999 : 255);
  }
  if (below(4) != 0) {
    text += '/';
    text += number(3, below(10) == 0 ? 99 : 32);
  }
  const char alphabet[] = "0123456789./:- a";
  switch (below(6)) {
    case 0: text[static_cast<std::size_t>(below(static_cast<int>(text.size())))] = alphabet[below(16)]; break;
    case 1: text.erase(static_cast<std::size_t>(below(static_cast<int>(text.size()))), 1); break;
    case 2: text.insert(static_cast<std::size_t>(below(static_cast<int>(text.size()) + 1)), 1, alphabet[below(16)]); break;
    default: break;
  }
  return text;
}

// Enough address-like bytes after a text for both wide paths to read.
const std::string kLongTail = ":ffff:0:1::/64:abc:1.2.3.4/9999:0:0:0:0:0:0:0:0/128";

// try_parse_prefix both ways on `text` placed in a buffer followed by `after`.
void check_both_paths(const std::string& text, const std::string& after) {
  const std::string buffer = text + after;
  const std::string_view view(buffer.data(), text.size());
  Prefix scalar;
  Prefix wide;
  const bool scalar_ok = try_parse_prefix(view, scalar);
  const bool wide_ok = try_parse_prefix(view, buffer.data() + buffer.size(), wide);
  INFO("text '" << text << "' followed by '" << after << "'");
  REQUIRE(wide_ok == scalar_ok);
  if (scalar_ok) REQUIRE(wide == scalar);
}

}  // namespace

TEST_CASE("the 16-byte IPv4 parse path agrees with the scalar parser", "[parse]") {
  const std::vector<std::string> edges = {
      "0.0.0.0", "0.0.0.0/0", "255.255.255.255", "255.255.255.255/32", "1.2.3.4/32",
      "10.0.0.0/8", "10.0.0.0/08", "10.0.0.0/", "10.0.0.0/33", "010.0.0.0/8", "10.0.0.00",
      "256.0.0.0/8", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4/8",
      "1.2.3.4/32/", "1.2.3.4-1.2.3.5", "::1", "2001:db8::/32", "::ffff:1.2.3.4", "1.2.3.4 ",
      " 1.2.3.4", "", "1.2.3.4/3 2", "100.100.100.100/30", "1.2.3.0/024", "9.9.9.9/9",
      "8.8.8.8" + std::string(40, ' ')};
  for (const std::string& text : edges) {
    for (const std::string& after : {std::string(), std::string("\n"), std::string(24, '1'),
                                     std::string("/24.0.0.1/32.5"), kLongTail}) {
      check_both_paths(text, after);
    }
  }
  std::mt19937_64 rng(20261204);
  std::uint64_t accepted = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string text = near_quad(rng);
    std::string after = near_quad(rng) + near_quad(rng);
    after.resize(static_cast<std::size_t>(rng() % 20));
    check_both_paths(text, after);
    Prefix out;
    accepted += try_parse_prefix(text, out) ? 1 : 0;
  }
  // Both outcomes are common (most random lengths leave host bits set), so both are compared.
  CHECK(accepted > 10000);
  CHECK(accepted < 180000);
}

TEST_CASE("the 16-byte IPv4 path itself accepts plain prefixes and leaves the rest to the scalar parser",
          "[parse]") {
  const std::string buffer = "192.168.100.0/22\n" + std::string(32, ' ');
  Prefix out;
  if (!detail::ipv4_wide_parse_available()) {
    WARN("this CPU has no SSSE3: the 16-byte IPv4 path is off and the scalar parser reads all");
    CHECK_FALSE(detail::accept_ipv4_prefix_wide(std::string_view(buffer.data(), 16), out));
    return;
  }
  REQUIRE(detail::accept_ipv4_prefix_wide(std::string_view(buffer.data(), 16), out));
  CHECK(to_string(out) == "192.168.100.0/22");
  const std::string v6 = "2001:db8::/32" + std::string(32, ' ');
  CHECK_FALSE(detail::accept_ipv4_prefix_wide(std::string_view(v6.data(), 13), out));
}

namespace {

// A random hex group of `digits` digits, each letter in either case.
std::string hex_group(std::mt19937_64& rng, int digits) {
  static const char kDigits[] = "0123456789abcdefABCDEF";
  std::string group;
  for (int i = 0; i < digits; ++i) group += kDigits[rng() % 22];
  return group;
}

// Near-miss IPv6 text: either a random prefix with its host bits cleared, written canonically
// or with every group written out (so most are accepted), or free-form groups of 0-5 digits
// with zero to two "::" and sometimes an IPv4 tail; a length of 0-4 digits up to 199; and now
// and then a character replaced, dropped or added.
std::string near_ipv6(std::mt19937_64& rng) {
  const auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  std::string text;
  if (below(2) == 0) {
    const int length = below(129);
    const Prefix prefix = Prefix::containing(Address::v6(rng(), rng()), length);
    text = to_string(prefix);
    if (below(2) == 0) {  // every group written out, zero-padded or not
      const uint128 value = prefix.first().value();
      text.clear();
      for (int g = 7; g >= 0; --g) {
        char group[8];
        std::snprintf(group, sizeof group, below(2) == 0 ? "%x" : "%04X",
                      static_cast<unsigned>((value >> (16 * g)) & 0xffff));
        text += group;
        if (g > 0) text += ':';
      }
      text += '/';
      text += std::to_string(length);
    }
  } else {
    const int groups = below(10);
    const int gap = below(3) == 0 ? -1 : below(groups + 1);
    for (int g = 0; g < groups; ++g) {
      if (g == gap) text += "::";
      else if (g > 0) text += ':';
      text += hex_group(rng, below(8) == 0 ? below(6) : 1 + below(4));
    }
    if (gap == groups) text += "::";
    if (below(12) == 0) text += "::";
    if (below(10) == 0) text += ":1.2.3.4";
    if (below(2) == 0) {
      std::string length = std::to_string(below(200));
      if (below(8) == 0) length.insert(0, 1, '0');
      if (below(8) == 0) length.clear();
      text += '/';
      text += length;
    }
  }
  const char alphabet[] = "0123456789abcdefABCDEF:./%g ";
  const auto at = [&](int extra) {
    return static_cast<std::size_t>(below(static_cast<int>(text.size()) + extra));
  };
  switch (text.empty() ? 5 : below(6)) {
    case 0: text[at(0)] = alphabet[below(28)]; break;
    case 1: text.erase(at(0), 1); break;
    case 2: text.insert(at(1), 1, alphabet[below(28)]); break;
    default: break;
  }
  return text;
}

}  // namespace

TEST_CASE("the wide IPv6 parse path agrees with the scalar parser", "[parse]") {
  const std::vector<std::string> edges = {
      "::", "::/0", "::/128", "::1", "::1/128", "1::", "1::/16", "::/00", "::/129", "::/1280",
      "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128",
      "FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF/128", "0000:0000:0000:0000:0000:0000:0000:0000/0",
      "0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0", "0:0:0:0:0:0:0:0:0", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
      "1:2:3:4:5:6::8", "1:2:3:4:5:6:7::8", "1::2::3", ":::", "1:::2", "::1::", ":1::", "1::2:",
      ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:", "12345::", "2001:db8::/32", "2001:DB8::/32",
      "2001:db8::/31", "2001:db8::1/127", "2001:db8:0:0:0:0:0:0/32", "::ffff:1.2.3.4",
      "::ffff:1.2.3.4/128", "fe80::1%eth0", "[::1]", "2001:db8::/32 ", " ::1", "2001:dg8::",
      "2001:db8::/", "2001:db8::/3a", "2001:db8::/32/32", "1:2:3:4:5:6:7:8/128",
      "abcd:abcd:abcd:abcd:abcd:abcd:abcd:abcd/128", ":", "1", "g::", "::g"};
  for (const std::string& text : edges) {
    for (const std::string& after : {std::string(), std::string("\n"), std::string(48, '1'),
                                     kLongTail}) {
      check_both_paths(text, after);
    }
  }
  std::mt19937_64 rng(20261205);
  std::uint64_t accepted = 0;
  std::uint64_t wide_accepted = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string text = near_ipv6(rng);
    std::string after = kLongTail.substr(rng() % 20) + near_ipv6(rng) + near_ipv6(rng);
    after.resize(static_cast<std::size_t>(rng() % 64));
    check_both_paths(text, after);
    Prefix out;
    accepted += try_parse_prefix(text, out) ? 1 : 0;
    const std::string padded = text + kLongTail;
    wide_accepted +=
        detail::accept_ipv6_prefix_wide(std::string_view(padded.data(), text.size()), out) ? 1 : 0;
  }
  // Both outcomes are common, so both are compared; and the wide path itself takes most of
  // what is accepted (everything but IPv4 tails), not only the scalar fallback.
  CHECK(accepted > 50000);
  CHECK(accepted < 150000);
  CHECK(wide_accepted > accepted * 9 / 10);
}

TEST_CASE("the wide IPv6 path accepts plain prefixes and leaves IPv4 tails to the scalar parser",
          "[parse]") {
  const auto wide = [](const std::string& text, Prefix& out) {
    const std::string buffer = text + kLongTail;
    return detail::accept_ipv6_prefix_wide(std::string_view(buffer.data(), text.size()), out);
  };
  for (const std::string text :
       {"::", "::/0", "::1", "1::", "2001:db8::/32", "2001:db8:aa:bb:cc:dd:ee:ff",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "fe80::/10"}) {
    Prefix out;
    INFO(text);
    REQUIRE(wide(text, out));
    CHECK(out == parse_prefix(text).value);
  }
  Prefix out;
  REQUIRE(wide("2001:DB8:0:0:1::/80", out));
  CHECK(to_string(out) == "2001:db8:0:0:1::/80");
  CHECK_FALSE(wide("::ffff:1.2.3.4", out));
  CHECK(parse_prefix("::ffff:1.2.3.4").ok());
  CHECK_FALSE(wide("10.0.0.0/8", out));
  CHECK_FALSE(wide("2001:db8::1/64", out));  // host bits: the scalar parser says so
}
