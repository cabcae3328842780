// address_test.cc — Address and Prefix value semantics: validity, ordering, masks, mapping.
#include <catch2/catch.hpp>

#include <type_traits>

#include "ipplan/address.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

using namespace ipplan;

static_assert(std::is_trivially_copyable_v<Address>);
static_assert(std::is_trivially_copyable_v<Prefix>);
static_assert(std::is_trivially_copyable_v<Range>);
static_assert(sizeof(Address) <= 24);

TEST_CASE("default values are invalid / not zero addresses", "[address]") {
  CHECK_FALSE(Address().valid());
  CHECK_FALSE(Prefix().valid());
  CHECK_FALSE(Range().valid());
  CHECK(Address::v4(0).valid());
  CHECK(Address() != Address::v4(0));
}

TEST_CASE("IPv4 sorts before IPv6 / then by value", "[address]") {
  CHECK(Address::v4(0xffffffffU) < Address::v6(0));
  CHECK(Address::v4(1) < Address::v4(2));
  CHECK(Address::v6(0, 1) < Address::v6(1, 0));
  CHECK(Address::v6(0, ~0ULL) < Address::v6(1, 0));
  // IPv4 and the IPv4-mapped IPv6 address of it are different values.
  CHECK(Address::v4(0x01020304) != Address::v6(0, 0x0000ffff01020304ULL));
}

TEST_CASE("IPv4-mapped is recognised only for ::ffff:0:0/96", "[address]") {
  CHECK(Address::v6(0, 0x0000ffff01020304ULL).is_v4_mapped());
  CHECK_FALSE(Address::v6(0, 0x01020304ULL).is_v4_mapped());          // ::1.2.3.4 (compat)
  CHECK_FALSE(Address::v6(0, 0xffff000001020304ULL).is_v4_mapped());  // ::ffff:0:102:304
  CHECK_FALSE(Address::v6(1, 0x0000ffff01020304ULL).is_v4_mapped());
  CHECK_FALSE(Address::v4(0x01020304).is_v4_mapped());
}

TEST_CASE("lowest / highest / next and prev stay inside the family", "[address]") {
  CHECK(Address::highest(Family::kV4) == Address::v4(0xffffffffU));
  CHECK(Address::highest(Family::kV6) == Address::v6(~0ULL, ~0ULL));
  CHECK(Address::lowest(Family::kV6).is_lowest());
  CHECK(Address::highest(Family::kV4).is_highest());
  CHECK_FALSE(Address::v4(0xfffffffeU).is_highest());
  CHECK(Address::v4(0xfffffffeU).next() == Address::highest(Family::kV4));
  CHECK(Address::v6(1, 0).prev() == Address::v6(0, ~0ULL));
  CHECK(Address::v6(0, ~0ULL).next() == Address::v6(1, 0));
}

TEST_CASE("netmask and hostmask at every length", "[address]") {
  for (int length = 0; length <= 32; ++length) {
    const uint128 mask = netmask_bits(Family::kV4, length);
    CHECK((mask | hostmask_bits(Family::kV4, length)) == 0xffffffffU);
    CHECK((mask & hostmask_bits(Family::kV4, length)) == 0);
    int ones = 0;
    for (uint128 m = mask; m != 0; m >>= 1) ones += static_cast<int>(m & 1);
    CHECK(ones == length);
  }
  CHECK(netmask_bits(Family::kV6, 128) == ~uint128{0});
  CHECK(netmask_bits(Family::kV6, 0) == 0);
  CHECK(netmask_bits(Family::kV6, 1) == uint128{1} << 127);
}

TEST_CASE("bit helpers on 128-bit values", "[address]") {
  CHECK(count_trailing_zeros(0) == 128);
  CHECK(count_trailing_zeros(1) == 0);
  CHECK(count_trailing_zeros(uint128{1} << 64) == 64);
  CHECK(count_trailing_zeros(uint128{1} << 127) == 127);
  CHECK(bit_width(0) == 0);
  CHECK(bit_width(1) == 1);
  CHECK(bit_width(~uint128{0}) == 128);
  CHECK(bit_width(uint128{1} << 64) == 65);
}

TEST_CASE("Prefix::make refuses host bits and bad lengths", "[prefix]") {
  CHECK(Prefix::make(Address::v4(0x0a000000), 8).has_value());
  CHECK_FALSE(Prefix::make(Address::v4(0x0a000001), 8).has_value());
  CHECK_FALSE(Prefix::make(Address::v4(0), 33).has_value());
  CHECK_FALSE(Prefix::make(Address::v4(0), -1).has_value());
  CHECK(Prefix::make(Address::v6(0), 128).has_value());
  CHECK_FALSE(Prefix::make(Address::v6(0), 129).has_value());
  CHECK_FALSE(Prefix::make(Address(), 0).has_value());
  CHECK(Prefix::containing(Address::v4(0x0a0000ff), 24) == *Prefix::make(Address::v4(0x0a000000), 24));
}

TEST_CASE("prefixes sort by address / shorter first on a tie", "[prefix]") {
  const Prefix wide = *Prefix::make(Address::v4(0x0a000000), 8);
  const Prefix narrow = *Prefix::make(Address::v4(0x0a000000), 24);
  CHECK(wide < narrow);
  CHECK(Range(wide) < Range(narrow));  // ranges: same first, wider first
}

TEST_CASE("Range::make refuses reversed and mixed-family ends", "[range]") {
  CHECK(Range::make(Address::v4(1), Address::v4(1)).has_value());
  CHECK_FALSE(Range::make(Address::v4(2), Address::v4(1)).has_value());
  CHECK_FALSE(Range::make(Address::v4(1), Address::v6(1)).has_value());
  CHECK_FALSE(Range::make(Address(), Address()).has_value());
  const Range dhcp = *Range::make(Address::v4(0x0a00000a), Address::v4(0x0a000063));
  CHECK_FALSE(dhcp.is_prefix());
  CHECK(dhcp.span() == 89);
}
