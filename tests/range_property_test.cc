// range_property_test.cc — the CIDR arithmetic of prefix.h/range.h against plain brute-force
// references on random inputs of both families, edges weighted in.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

using namespace ipplan;

namespace {

struct Random {
  std::mt19937_64 engine{20261125};

  std::uint64_t bits64() { return engine(); }
  int below(int n) { return static_cast<int>(engine() % static_cast<std::uint64_t>(n)); }

  // Values near the edges of the family come up often: 0, all ones, powers of two +-1.
  uint128 value(Family family) {
    const uint128 ones = Address::all_ones(family);
    const int bits = address_bits(family);
    switch (below(8)) {
      case 0: return 0;
      case 1: return ones;
      case 2: return (uint128{1} << below(bits)) & ones;
      case 3: return ((uint128{1} << below(bits)) - 1) & ones;
      default: return ((uint128{bits64()} << 64) | bits64()) & ones;
    }
  }
  Address address(Family family) {
    return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value(family)))
                                 : Address::v6(value(family));
  }
  Family family() { return below(2) == 0 ? Family::kV4 : Family::kV6; }
  Prefix prefix(Family family) {
    const int bits = address_bits(family);
    const int length = below(4) == 0 ? (below(2) == 0 ? 0 : bits) : below(bits + 1);
    return Prefix::containing(address(family), length);
  }
  Range range(Family family) {
    Address a = address(family);
    Address b = below(3) == 0 ? a : address(family);
    if (b < a) std::swap(a, b);
    return *Range::make(a, b);
  }
};

Address from_value(Family family, uint128 value) {
  return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value))
                               : Address::v6(value);
}

// Reference: first/last of a prefix by setting host bits one at a time.
uint128 reference_last(const Prefix& p) {
  uint128 value = p.first().value();
  for (int bit = 0; bit < p.first().bits() - p.length(); ++bit) value |= uint128{1} << bit;
  return value;
}

// Reference cover: from the cursor, try block sizes from the whole family down and take the
// first that is aligned and fits. Quadratic in bits, obviously right.
std::vector<Prefix> reference_cover(const Range& range) {
  std::vector<Prefix> out;
  const Family family = range.family();
  const int bits = address_bits(family);
  uint128 cursor = range.first().value();
  while (true) {
    for (int length = 0; length <= bits; ++length) {
      const auto candidate = Prefix::make(from_value(family, cursor), length);
      if (!candidate) continue;  // not aligned at this size
      if (reference_last(*candidate) > range.last().value()) continue;
      out.push_back(*candidate);
      break;
    }
    const uint128 end = reference_last(out.back());
    if (end == range.last().value()) return out;
    cursor = end + 1;
  }
}

}  // namespace

TEST_CASE("prefix first/last/contains agree with bit-by-bit reference", "[prefix][property]") {
  Random random;
  for (int i = 0; i < 20000; ++i) {
    const Family family = random.family();
    const Prefix p = random.prefix(family);
    INFO(to_string(p));
    REQUIRE(p.last().value() == reference_last(p));
    REQUIRE(p.contains(p.first()));
    REQUIRE(p.contains(p.last()));
    const Address probe = random.address(family);
    const bool inside = p.first() <= probe && probe <= p.last();
    REQUIRE(p.contains(probe) == inside);
    REQUIRE(Range(p).contains(probe) == inside);
    REQUIRE(Range(p).as_prefix() == p);
  }
}

TEST_CASE("covers / strictly_covers and overlaps match interval logic", "[prefix][range][property]") {
  Random random;
  for (int i = 0; i < 20000; ++i) {
    const Family family = random.family();
    // Nested pairs are rare at random: derive b from a half of the time.
    const Prefix a = random.prefix(family);
    Prefix b = random.prefix(family);
    if (random.below(2) == 0 && a.length() < a.first().bits()) {
      b = Prefix::containing(a.first(), a.length() + 1 + random.below(a.first().bits() - a.length()));
    }
    INFO(to_string(a) << " vs " << to_string(b));
    const bool covers = a.first() <= b.first() && b.last() <= a.last();
    const bool overlaps = a.first() <= b.last() && b.first() <= a.last();
    REQUIRE(a.covers(b) == covers);
    REQUIRE(a.strictly_covers(b) == (covers && a != b));
    REQUIRE(a.overlaps(b) == overlaps);
    REQUIRE(Range(a).covers(Range(b)) == covers);
    REQUIRE(Range(a).overlaps(Range(b)) == overlaps);
    REQUIRE(Range(a).strictly_covers(Range(b)) == (covers && a != b));

    const Range r = random.range(family);
    const Range s = random.range(family);
    REQUIRE(r.overlaps(s) == (r.first() <= s.last() && s.first() <= r.last()));
    REQUIRE(r.covers(s) == (r.first() <= s.first() && s.last() <= r.last()));
  }
}

TEST_CASE("prefixes of different families never cover or overlap", "[prefix][range]") {
  const Prefix v4 = *Prefix::make(Address::v4(0), 0);
  const Prefix v6 = *Prefix::make(Address::v6(0), 0);
  CHECK_FALSE(v4.covers(v6));
  CHECK_FALSE(v6.covers(v4));
  CHECK_FALSE(v4.overlaps(v6));
  CHECK_FALSE(Range(v4).overlaps(Range(v6)));
  CHECK_FALSE(v6.contains(Address::v4(0)));
  CHECK_FALSE(v4.contains(Address::v6(0)));
}

TEST_CASE("minimal CIDR cover equals the reference cover", "[range][property]") {
  Random random;
  for (int i = 0; i < 5000; ++i) {
    const Range range = random.range(random.family());
    INFO(to_string(range.first()) << " - " << to_string(range.last()));
    std::vector<Prefix> got;
    for_each_cover_prefix(range, [&](const Prefix& p) {
      got.push_back(p);
      return true;
    });
    REQUIRE(got == reference_cover(range));
    REQUIRE(got.size() <= static_cast<std::size_t>(2 * range.first().bits()));
    REQUIRE(range.is_prefix() == (got.size() == 1));
  }
}

TEST_CASE("cover of small IPv4 windows checked address by address", "[range][property]") {
  Random random;
  for (int i = 0; i < 2000; ++i) {
    const std::uint32_t base = static_cast<std::uint32_t>(random.bits64()) & 0xffffff00U;
    const std::uint32_t lo = base + static_cast<std::uint32_t>(random.below(256));
    const std::uint32_t hi = lo + static_cast<std::uint32_t>(random.below(300));
    if (hi < lo) continue;
    const Range range = *Range::make(Address::v4(lo), Address::v4(hi));
    std::vector<Prefix> blocks;
    for_each_cover_prefix(range, [&](const Prefix& p) {
      blocks.push_back(p);
      return true;
    });
    // Every address of [lo-2, hi+2] is in exactly one block when inside the range, none outside.
    for (std::uint64_t a = lo >= 2 ? lo - 2 : 0; a <= std::uint64_t{hi} + 2 && a <= 0xffffffffULL;
         ++a) {
      int holders = 0;
      for (const Prefix& p : blocks) holders += p.contains(Address::v4(static_cast<std::uint32_t>(a)));
      REQUIRE(holders == ((a >= lo && a <= hi) ? 1 : 0));
    }
  }
}

TEST_CASE("cover of the whole family is one /0 and of one address one host prefix",
          "[range][edge]") {
  for (const Family family : {Family::kV4, Family::kV6}) {
    const Range all = *Range::make(Address::lowest(family), Address::highest(family));
    std::vector<Prefix> got;
    for_each_cover_prefix(all, [&](const Prefix& p) {
      got.push_back(p);
      return true;
    });
    REQUIRE(got.size() == 1);
    CHECK(got[0].length() == 0);
    const Range top = *Range::make(Address::highest(family), Address::highest(family));
    REQUIRE(top.as_prefix().has_value());
    CHECK(top.as_prefix()->length() == address_bits(family));
    CHECK(all.span() == Address::all_ones(family));
  }
  // 0.0.0.1-255.255.255.254: the worst case, 62 blocks.
  const Range worst = *Range::make(Address::v4(1), Address::v4(0xfffffffeU));
  int count = 0;
  for_each_cover_prefix(worst, [&](const Prefix&) { return ++count > 0; });
  CHECK(count == 62);
}

TEST_CASE("aligned split visits every sub-block in order and can stop early", "[range][split]") {
  Random random;
  for (int i = 0; i < 2000; ++i) {
    const Family family = random.family();
    const int bits = address_bits(family);
    const Prefix parent = random.prefix(family);
    const int extra = random.below(std::min(10, bits - parent.length()) + 1);
    const int length = parent.length() + extra;
    INFO(to_string(parent) << " into /" << length);
    std::vector<Prefix> blocks;
    for_each_subblock(parent, length, [&](const Prefix& p) {
      blocks.push_back(p);
      return true;
    });
    REQUIRE(blocks.size() == (std::size_t{1} << extra));
    REQUIRE(blocks.front().first() == parent.first());
    REQUIRE(blocks.back().last() == parent.last());
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      REQUIRE(blocks[k].length() == length);
      REQUIRE(parent.covers(blocks[k]));
      if (k > 0) REQUIRE(blocks[k - 1].last().next() == blocks[k].first());
    }
  }
  // Splitting ::/0 into /128s must be stoppable.
  const Prefix all6 = *Prefix::make(Address::v6(0), 0);
  int seen = 0;
  for_each_subblock(all6, 128, [&](const Prefix&) { return ++seen < 5; });
  CHECK(seen == 5);
}

TEST_CASE("halves of a prefix partition it", "[prefix]") {
  Random random;
  for (int i = 0; i < 5000; ++i) {
    const Family family = random.family();
    const Prefix p = random.prefix(family);
    if (p.is_single_address()) continue;
    const Prefix lo = p.lower_half();
    const Prefix hi = p.upper_half();
    REQUIRE(lo.first() == p.first());
    REQUIRE(hi.last() == p.last());
    REQUIRE(lo.last().next() == hi.first());
    REQUIRE(p.strictly_covers(lo));
    REQUIRE(p.strictly_covers(hi));
  }
}
