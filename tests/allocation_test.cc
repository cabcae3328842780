// allocation_test.cc — free space and suggestions against a plain reference of SPEC 5: an
// address-by-address bitmap of a small window, random records, pools, excludes and strategies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "ipplan/allocation.h"
#include "ipplan/format.h"
#include "ipplan/parse.h"

using namespace ipplan;

namespace {

constexpr unsigned kWindow = 256;  // addresses in the window the records live in

struct Fixture {
  Inventory inventory;
  std::vector<Range> ranges;
  std::vector<Role> roles;
};

Address window_address(Family family, unsigned offset) {
  return family == Family::kV4 ? Address::v4(0xc0a80000U + offset)  // 192.168.0.0/24
                               : Address::v6(0x20010db800000000ULL, offset);
}

Fixture random_fixture(std::mt19937_64& rng, Family family, std::size_t n) {
  Fixture f;
  InventoryBuilder builder(f.inventory, nullptr);
  builder.begin_input("test", "test", InputFormat::kList);
  for (std::size_t i = 0; i < n; ++i) {
    Range r;
    if (rng() % 5 == 0) {
      const unsigned a = static_cast<unsigned>(rng() % kWindow);
      const unsigned b = a + static_cast<unsigned>(rng() % (kWindow - a));
      r = *Range::make(window_address(family, a), window_address(family, b));
    } else {
      const int host_bits = static_cast<int>(rng() % 6);
      const unsigned offset = static_cast<unsigned>(rng() % kWindow) & ~((1U << host_bits) - 1);
      r = Prefix::containing(window_address(family, offset),
                             window_address(family, 0).bits() - host_bits);
    }
    // Now and then a record around the whole window: an ancestor of most pools.
    if (rng() % 25 == 0) r = Prefix::containing(window_address(family, 0), window_address(family, 0).bits() - 9);
    RawRecord raw;
    raw.range = r;
    raw.role = rng() % 3 == 0 ? Role::kContainer : Role::kAssigned;
    raw.location.line = static_cast<std::uint32_t>(i + 1);
    builder.record(raw);
    f.ranges.push_back(r);
    f.roles.push_back(raw.role);
  }
  return f;
}

unsigned offset_of(const Address& a) {
  return static_cast<unsigned>(a.value() - window_address(a.family(), 0).value());
}

// SPEC 5 by hand: a pool's address is free unless a record that overlaps the pool and does not
// contain it (or an exclude) holds it.
std::vector<bool> reference_free(const Fixture& f, const Prefix& pool,
                                 const std::vector<Prefix>& excludes) {
  std::vector<bool> free(kWindow, false);
  for (unsigned a = offset_of(pool.first()); a <= offset_of(pool.last()); ++a) free[a] = true;
  const auto take_out = [&](const Range& r) {
    for (unsigned a = 0; a < kWindow; ++a) {
      if (r.contains(window_address(pool.family(), a))) free[a] = false;
    }
  };
  for (const Range& r : f.ranges) {
    if (r.overlaps(Range(pool)) && !r.covers(Range(pool))) take_out(r);
  }
  for (const Prefix& e : excludes) take_out(Range(e));
  return free;
}

// Every aligned block of `length` whose addresses are all free, in the order the strategy asks.
std::vector<Prefix> reference_blocks(const std::vector<bool>& free, Family family, int length,
                                     Strategy strategy) {
  const unsigned step = 1U << (window_address(family, 0).bits() - length);
  // Holes: the maximal aligned free blocks (the minimal CIDR cover of free space).
  std::vector<Prefix> holes;
  std::vector<bool> covered(kWindow, false);
  for (int hole_length = window_address(family, 0).bits() - 8; hole_length <= length; ++hole_length) {
    const unsigned size = 1U << (window_address(family, 0).bits() - hole_length);
    for (unsigned start = 0; start < kWindow; start += size) {
      if (covered[start]) continue;
      bool all = true;
      for (unsigned a = start; a < start + size && all; ++a) all = free[a];
      if (!all) continue;
      holes.push_back(Prefix::containing(window_address(family, start), hole_length));
      for (unsigned a = start; a < start + size; ++a) covered[a] = true;
    }
  }
  std::sort(holes.begin(), holes.end());
  if (strategy == Strategy::kBestFit) {
    std::stable_sort(holes.begin(), holes.end(),
                     [](const Prefix& a, const Prefix& b) { return a.length() > b.length(); });
  }
  if (strategy == Strategy::kLastFit) std::reverse(holes.begin(), holes.end());
  std::vector<Prefix> blocks;
  for (const Prefix& hole : holes) {
    std::vector<Prefix> inside;
    for (unsigned a = offset_of(hole.first()); a <= offset_of(hole.last()); a += step) {
      inside.push_back(Prefix::containing(window_address(family, a), length));
    }
    if (strategy == Strategy::kLastFit) std::reverse(inside.begin(), inside.end());
    blocks.insert(blocks.end(), inside.begin(), inside.end());
  }
  return blocks;
}

}  // namespace

TEST_CASE("free space and suggestions equal the bitmap reference", "[allocation][property]") {
  std::mt19937_64 rng(20261125);
  for (int round = 0; round < 300; ++round) {
    const Family family = rng() % 3 == 0 ? Family::kV6 : Family::kV4;
    const Fixture f = random_fixture(rng, family, rng() % 40);
    const AllocationIndex index(f.inventory);
    const int bits = window_address(family, 0).bits();
    const int pool_length = bits - 8 + static_cast<int>(rng() % 4);
    const Prefix pool = Prefix::containing(window_address(family, static_cast<unsigned>(rng() % kWindow)), pool_length);
    std::vector<Prefix> excludes;
    if (rng() % 3 == 0) {
      excludes.push_back(Prefix::containing(window_address(family, static_cast<unsigned>(rng() % kWindow)), bits - static_cast<int>(rng() % 5)));
    }
    INFO("round " << round << " pool " << to_string(pool));
    const std::vector<bool> expected = reference_free(f, pool, excludes);

    const FreeSpace free = index.free_space({pool}, excludes);
    std::vector<bool> got(kWindow, false);
    for (const Prefix& block : free.blocks) {
      REQUIRE(pool.covers(block));
      for (unsigned a = offset_of(block.first()); a <= offset_of(block.last()); ++a) {
        REQUIRE_FALSE(got[a]);  // disjoint
        got[a] = true;
      }
    }
    REQUIRE(got == expected);
    // Minimal: no two blocks could be joined into one.
    for (std::size_t i = 1; i < free.blocks.size(); ++i) {
      const Prefix& a = free.blocks[i - 1];
      const Prefix& b = free.blocks[i];
      REQUIRE(a < b);
      const bool siblings = a.length() == b.length() && a.length() > 0 &&
                            Prefix::containing(a.first(), a.length() - 1) ==
                                Prefix::containing(b.first(), b.length() - 1);
      REQUIRE_FALSE(siblings);
    }
    REQUIRE(free.pools.size() == 1);
    const auto free_count = static_cast<unsigned>(std::count(expected.begin(), expected.end(), true));
    CHECK(free.pools[0].free == free_count);
    CHECK(free.pools[0].used == free.pools[0].size - free_count);

    for (const Strategy strategy : {Strategy::kFirstFit, Strategy::kLastFit, Strategy::kBestFit}) {
      const int length = pool_length + static_cast<int>(rng() % 6);
      const std::size_t count = 1 + rng() % 12;
      const Suggestion s = index.suggest({pool}, excludes, length, count, strategy);
      std::vector<Prefix> want = reference_blocks(expected, family, length, strategy);
      if (want.size() > count) want.resize(count);
      INFO(strategy_name(strategy) << " /" << length << " x" << count);
      CHECK(s.blocks == want);
    }
  }
}

TEST_CASE("first-fit through many small gaps and several excludes equals the bitmap reference",
          "[allocation][property]") {
  // Crowded windows: most gaps between used ranges are too small for the block asked for, which
  // first-fit passes without looking inside; excludes cut the gaps it does look into.
  std::mt19937_64 rng(1202);
  for (int round = 0; round < 300; ++round) {
    const Family family = rng() % 3 == 0 ? Family::kV6 : Family::kV4;
    const Fixture f = random_fixture(rng, family, 20 + rng() % 120);
    const AllocationIndex index(f.inventory);
    const int bits = window_address(family, 0).bits();
    const int pool_length = bits - 8 + static_cast<int>(rng() % 3);
    const Prefix pool = Prefix::containing(
        window_address(family, static_cast<unsigned>(rng() % kWindow)), pool_length);
    std::vector<Prefix> excludes;
    for (std::size_t i = rng() % 5; i > 0; --i) {
      excludes.push_back(Prefix::containing(
          window_address(family, static_cast<unsigned>(rng() % kWindow)), bits - static_cast<int>(rng() % 4)));
    }
    const std::vector<bool> expected = reference_free(f, pool, excludes);
    for (int length = bits - 4; length <= bits; ++length) {
      const std::size_t count = 1 + rng() % 80;
      std::vector<Prefix> want = reference_blocks(expected, family, length, Strategy::kFirstFit);
      if (want.size() > count) want.resize(count);
      INFO("round " << round << " pool " << to_string(pool) << " /" << length << " x" << count);
      CHECK(index.suggest({pool}, excludes, length, count, Strategy::kFirstFit).blocks == want);
    }
  }
}

TEST_CASE("first-fit in a crowded /18 finds exactly the free aligned blocks",
          "[allocation][property]") {
  // Thousands of gaps, nearly all too small: first-fit passes them eight at a time, and must
  // neither step over a gap that holds a block nor stop at one that does not.
  std::mt19937_64 rng(18);
  constexpr std::uint32_t kBase = 0x0a400000U;  // 10.64.0.0/18
  constexpr unsigned kSize = 1U << 14;
  for (int round = 0; round < 12; ++round) {
    Inventory inventory;
    InventoryBuilder builder(inventory, nullptr);
    builder.begin_input("test", "test", InputFormat::kList);
    std::vector<bool> used(kSize, false);
    const unsigned records = 2000 + static_cast<unsigned>(rng() % 4000);
    for (unsigned i = 0; i < records; ++i) {
      const int host_bits = static_cast<int>(rng() % 3);  // /32, /31, /30
      const unsigned offset = static_cast<unsigned>(rng() % kSize) & ~((1U << host_bits) - 1);
      RawRecord raw;
      raw.range = Range(Prefix::containing(Address::v4(kBase + offset), 32 - host_bits));
      raw.location.line = i + 1;
      builder.record(raw);
      for (unsigned a = offset; a < offset + (1U << host_bits); ++a) used[a] = true;
    }
    const AllocationIndex index(inventory);
    const Prefix pool = Prefix::containing(Address::v4(kBase), 18);
    for (int length = 24; length <= 30; ++length) {
      const unsigned block = 1U << (32 - length);
      std::vector<Prefix> want;
      for (unsigned start = 0; start < kSize; start += block) {
        if (std::none_of(used.begin() + start, used.begin() + start + block, [](bool u) { return u; })) {
          want.push_back(Prefix::containing(Address::v4(kBase + start), length));
        }
      }
      INFO("round " << round << " /" << length << ", " << want.size() << " free");
      CHECK(index.suggest({pool}, {}, length, kSize, Strategy::kFirstFit).blocks == want);
    }
  }
}

TEST_CASE("several pools: first-fit goes lowest first and overlapping pools give a block once",
          "[allocation]") {
  Inventory inventory;
  InventoryBuilder builder(inventory, nullptr);
  builder.begin_input("t", "t", InputFormat::kList);
  RawRecord raw;
  raw.range = parse_range("10.0.0.0/25").value;
  builder.record(raw);
  const AllocationIndex index(inventory);
  const auto p = [](const char* text) { return parse_prefix(text).value; };
  const Suggestion s = index.suggest({p("10.0.1.0/24"), p("10.0.0.0/24"), p("10.0.0.128/25")},
                                     {}, 26, 4, Strategy::kFirstFit);
  std::vector<std::string> got;
  for (const Prefix& b : s.blocks) got.push_back(to_string(b));
  CHECK(got == std::vector<std::string>{"10.0.0.128/26", "10.0.0.192/26", "10.0.1.0/26",
                                        "10.0.1.64/26"});
}

TEST_CASE("edges: the whole IPv4 space / the top of IPv6 / blocks as long as the pool", "[allocation]") {
  Inventory inventory;
  InventoryBuilder builder(inventory, nullptr);
  builder.begin_input("t", "t", InputFormat::kList);
  for (const char* text : {"0.0.0.0/1", "255.255.255.254/31", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124"}) {
    RawRecord raw;
    raw.range = parse_range(text).value;
    builder.record(raw);
  }
  const AllocationIndex index(inventory);
  const auto p = [](const char* text) { return parse_prefix(text).value; };
  CHECK(index.suggest({p("0.0.0.0/0")}, {}, 1, 1, Strategy::kFirstFit).blocks.empty());  // the top /31 is used
  CHECK(to_string(index.suggest({p("0.0.0.0/0")}, {}, 2, 1, Strategy::kFirstFit).blocks.at(0)) == "128.0.0.0/2");
  CHECK(to_string(index.suggest({p("0.0.0.0/0")}, {}, 32, 1, Strategy::kLastFit).blocks.at(0)) == "255.255.255.253/32");
  const Suggestion top = index.suggest({p("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120")}, {}, 124, 1, Strategy::kLastFit);
  CHECK(to_string(top.blocks.at(0)) == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffe0/124");
  CHECK(index.suggest({p("10.0.0.0/28")}, {}, 28, 2, Strategy::kFirstFit).blocks.size() == 1);
  const FreeSpace all = index.free_space({p("::/0")}, {});
  CHECK(all.pools.at(0).free == address_count(Range(p("::/0"))) - 16);
}
