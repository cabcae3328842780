// ipv4_wide_parse_test.cc — the 16-byte IPv4 path of try_parse_prefix against the scalar one:
// the same acceptance and value on near-miss dotted quads (every octet and length width, leading
// zeros, values past 255 and 32, host bits, stray characters) followed by bytes that look like
// more of an address, so that reading past the text would show.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "../engine/src/ipv4_wide_parse.h"
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
      " 1.2.3.4", "", "1.2.3.4/3 2", "100.100.100.100/30", "1.2.3.0/024", "9.9.9.9/9"};
  for (const std::string& text : edges) {
    for (const std::string& after : {std::string(), std::string("\n"), std::string(24, '1'),
                                     std::string("/24.0.0.1/32.5")}) {
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
  REQUIRE(detail::accept_ipv4_prefix_wide(std::string_view(buffer.data(), 16), out));
  CHECK(to_string(out) == "192.168.100.0/22");
  const std::string v6 = "2001:db8::/32" + std::string(32, ' ');
  CHECK_FALSE(detail::accept_ipv4_prefix_wide(std::string_view(v6.data(), 13), out));
}
