// format_test.cc — canonical printing from values (the parse table covers text -> text).
#include <catch2/catch.hpp>

#include <cstring>

#include "ipplan/format.h"

using namespace ipplan;

TEST_CASE("IPv4 from values", "[format]") {
  CHECK(to_string(Address::v4(0)) == "0.0.0.0");
  CHECK(to_string(Address::v4(0xffffffffU)) == "255.255.255.255");
  CHECK(to_string(Address::v4(0x0a000001)) == "10.0.0.1");
  CHECK(to_string(*Prefix::make(Address::v4(0), 0)) == "0.0.0.0/0");
}

TEST_CASE("IPv6 from values follows RFC 5952", "[format]") {
  CHECK(to_string(Address::v6(0)) == "::");
  CHECK(to_string(Address::v6(1)) == "::1");
  CHECK(to_string(Address::v6(~0ULL, ~0ULL)) == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  CHECK(to_string(Address::v6(0x20010db800000000ULL, 1)) == "2001:db8::1");
  // Single zero group is not compressed; longest run wins; first run wins a tie.
  CHECK(to_string(Address::v6(0x20010db800000001ULL, 0x0001000100010001ULL)) ==
        "2001:db8:0:1:1:1:1:1");
  CHECK(to_string(Address::v6(0x2001000000000001ULL, 0x0000000000000001ULL)) == "2001:0:0:1::1");
  CHECK(to_string(Address::v6(0x0001000000000002ULL, 0x0000000000030004ULL)) == "1::2:0:0:3:4");
  CHECK(to_string(Address::v6(0x0001000000000000ULL, 0)) == "1::");
  CHECK(to_string(Address::v6(0x0001000200030004ULL, 0x0005000600070000ULL)) == "1:2:3:4:5:6:7:0");
}

TEST_CASE("only IPv4-mapped IPv6 gets a dotted tail", "[format]") {
  CHECK(to_string(Address::v6(0, 0x0000ffff01020304ULL)) == "::ffff:1.2.3.4");
  CHECK(to_string(Address::v6(0, 0x0000ffff00000000ULL)) == "::ffff:0.0.0.0");
  CHECK(to_string(Address::v6(0, 0x01020304ULL)) == "::102:304");
  CHECK(to_string(Address::v6(0x0064ff9b00000000ULL, 0x01020304ULL)) == "64:ff9b::102:304");
  CHECK(to_string(Address::v6(0, 0xffff000001020304ULL)) == "::ffff:0:102:304");
}

TEST_CASE("ranges print as a prefix when they are one", "[format]") {
  const Range dhcp = *Range::make(Address::v4(0x0a00000a), Address::v4(0x0a000063));
  CHECK(to_string(dhcp) == "10.0.0.10-10.0.0.99");
  const Range block = *Range::make(Address::v4(0x0a000000), Address::v4(0x0a0000ff));
  CHECK(to_string(block) == "10.0.0.0/24");
  const Range all6 = *Range::make(Address::v6(0), Address::v6(~0ULL, ~0ULL));
  CHECK(to_string(all6) == "::/0");
}

TEST_CASE("the longest texts fit the documented buffer sizes", "[format]") {
  char buffer[kMaxRangeText + 16];
  std::memset(buffer, 'x', sizeof buffer);
  const Address longest6 = Address::v6(0xffffffffffffffffULL, 0xfffffffffffffffeULL);
  const Range widest = *Range::make(Address::v6(0x1111111111111111ULL, 1), longest6);
  const char* end = write_range(widest, buffer);
  CHECK(static_cast<std::size_t>(end - buffer) <= kMaxRangeText);
  CHECK(buffer[kMaxRangeText] == 'x');
  const Prefix mapped = *Prefix::make(Address::v6(0, 0x0000ffffffffffffULL), 128);
  CHECK(to_string(mapped) == "::ffff:255.255.255.255/128");
  CHECK(to_string(mapped).size() <= kMaxPrefixText);
}

TEST_CASE("family names", "[format]") {
  CHECK(family_name(Family::kV4) == "IPv4");
  CHECK(family_name(Family::kV6) == "IPv6");
  CHECK(to_string(Address()) == "invalid");
}
