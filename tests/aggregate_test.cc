// aggregate_test.cc — merge_ranges and both aggregate overloads against brute-force references:
// address-by-address bitmaps of small windows (IPv4 and IPv6, at the bottom, the top and the
// IPv4-mapped part of each space), and on the whole space a check that the output is sorted,
// disjoint, exactly the union (compared with a naive fixed-point merge) and made of maximal
// aligned blocks, which together pin down the one minimal CIDR list.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "ipplan/aggregate.h"
#include "ipplan/format.h"
#include "ipplan/inventory.h"
#include "ipplan/parse.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

using namespace ipplan;

namespace {

Address address_of(Family family, uint128 value) {
  return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value))
                               : Address::v6(value);
}

Range range_of(Family family, uint128 first, uint128 last) {
  return *Range::make(address_of(family, first), address_of(family, last));
}

Range parse(std::string_view text) {
  const auto parsed = parse_range(text);
  INFO(text);
  REQUIRE(parsed.ok());
  return parsed.value;
}

std::vector<std::string> texts(const std::vector<Prefix>& prefixes) {
  std::vector<std::string> out;
  for (const Prefix& p : prefixes) out.push_back(to_string(p));
  return out;
}
std::vector<std::string> texts(const std::vector<Range>& ranges) {
  std::vector<std::string> out;
  for (const Range& r : ranges) out.push_back(to_string(r));
  return out;
}

std::vector<std::string> aggregate_texts(const std::vector<std::string>& inputs) {
  std::vector<Range> ranges;
  for (const std::string& text : inputs) ranges.push_back(parse(text));
  return texts(aggregate(ranges));
}

std::vector<std::string> merge_texts(const std::vector<std::string>& inputs) {
  std::vector<Range> ranges;
  for (const std::string& text : inputs) ranges.push_back(parse(text));
  merge_ranges(ranges);
  return texts(ranges);
}

// --------------------------------------------------------------------------------------------
// Reference 1: a bitmap of a window of 2^k addresses; the minimal CIDR list is read off it by
// taking, from each lowest uncovered address, the largest aligned block whose every address is
// in the set (checked on the bitmap, not computed).

struct Window {
  Family family;
  uint128 base;  // aligned to its size
  int bits;      // holds 2^bits addresses
  std::vector<bool> set;

  std::size_t size() const { return std::size_t{1} << bits; }
  void add(uint128 first, uint128 last) {
    for (uint128 a = first;; ++a) {
      set[static_cast<std::size_t>(a - base)] = true;
      if (a == last) break;
    }
  }

  std::vector<Prefix> minimal_cidrs() const {
    std::vector<Prefix> out;
    std::size_t cursor = 0;
    while (cursor < size()) {
      if (!set[cursor]) {
        ++cursor;
        continue;
      }
      int host_bits = 0;
      for (int h = bits; h >= 0; --h) {
        const std::size_t block = std::size_t{1} << h;
        if (cursor % block != 0) continue;
        bool full = true;
        for (std::size_t i = cursor; i < cursor + block && full; ++i) full = set[i];
        if (full) {
          host_bits = h;
          break;
        }
      }
      // Nothing outside the window is set, so no block larger than the window can exist.
      const Address first = address_of(family, base + cursor);
      out.push_back(*Prefix::make(first, first.bits() - host_bits));
      cursor += std::size_t{1} << host_bits;
    }
    return out;
  }
};

// --------------------------------------------------------------------------------------------
// Reference 2: for any ranges, the union as merged intervals by a naive fixed point (join any
// two that overlap or touch until none do), then sorted.

struct Span {
  Family family;
  uint128 first;
  uint128 last;
};

bool joinable(const Span& a, const Span& b) {
  if (a.family != b.family) return false;
  if (a.first <= b.last && b.first <= a.last) return true;
  return (a.last != Address::all_ones(a.family) && a.last + 1 == b.first) ||
         (b.last != Address::all_ones(b.family) && b.last + 1 == a.first);
}

std::vector<Span> naive_union(std::vector<Span> spans) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < spans.size() && !changed; ++i) {
      for (std::size_t j = i + 1; j < spans.size(); ++j) {
        if (!joinable(spans[i], spans[j])) continue;
        spans[i].first = std::min(spans[i].first, spans[j].first);
        spans[i].last = std::max(spans[i].last, spans[j].last);
        spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(j));
        changed = true;
        break;
      }
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    if (a.family != b.family) return a.family < b.family;
    return a.first < b.first;
  });
  return spans;
}

std::vector<Span> spans_of(const std::vector<Range>& ranges) {
  std::vector<Span> out;
  for (const Range& r : ranges) out.push_back({r.family(), r.first().value(), r.last().value()});
  return out;
}
std::vector<Span> spans_of(const std::vector<Prefix>& prefixes) {
  std::vector<Span> out;
  for (const Prefix& p : prefixes) out.push_back({p.family(), p.first().value(), p.last().value()});
  return out;
}

bool same_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].family != b[i].family || a[i].first != b[i].first || a[i].last != b[i].last) {
      return false;
    }
  }
  return true;
}

bool union_covers(const std::vector<Span>& merged, Family family, uint128 first, uint128 last) {
  for (const Span& s : merged) {
    if (s.family == family && s.first <= first && last <= s.last) return true;
  }
  return false;
}

// Checks `got` is the minimal CIDR list of the union of `input`: sorted (IPv4 first), disjoint,
// covering exactly the union, and every block maximal (its parent is not inside the union).
void check_minimal_cidrs(const std::vector<Range>& input, const std::vector<Prefix>& got) {
  const std::vector<Span> want_union = naive_union(spans_of(input));
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("block " << i << ": " << to_string(got[i]));
    REQUIRE(got[i].valid());
    if (i > 0) {
      REQUIRE(got[i - 1] < got[i]);
      REQUIRE((got[i - 1].family() != got[i].family() || got[i - 1].last() < got[i].first()));
    }
    if (got[i].length() > 0) {
      const Prefix parent = Prefix::containing(got[i].first(), got[i].length() - 1);
      REQUIRE_FALSE(union_covers(want_union, parent.family(), parent.first().value(),
                                 parent.last().value()));
    }
  }
  REQUIRE(same_spans(naive_union(spans_of(got)), want_union));
}

// Checks merge_ranges' output: sorted, disjoint, never touching, exactly the naive union.
void check_merged(const std::vector<Range>& input, const std::vector<Range>& merged) {
  const std::vector<Span> want = naive_union(spans_of(input));
  const std::vector<Span> got = spans_of(merged);
  INFO("merged: " << Catch::StringMaker<std::vector<std::string>>::convert(texts(merged)));
  REQUIRE(same_spans(got, want));
}

// --------------------------------------------------------------------------------------------

struct Random {
  std::mt19937_64 engine;
  explicit Random(std::uint64_t seed) : engine(seed) {}

  std::uint64_t bits64() { return engine(); }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(engine() % n); }
  uint128 any(Family family) {
    return ((uint128{bits64()} << 64) | bits64()) & Address::all_ones(family);
  }
  Family family() { return below(2) == 0 ? Family::kV4 : Family::kV6; }

  // A window of 2^bits addresses at the bottom, the top, the IPv4-mapped block or anywhere.
  Window window(Family family, int bits) {
    const uint128 ones = Address::all_ones(family);
    const uint128 mask = (uint128{1} << bits) - 1;
    uint128 base = 0;
    switch (below(5)) {
      case 0: base = 0; break;
      case 1: base = ones & ~mask; break;
      case 2:
        base = family == Family::kV6 ? ((uint128{0xffff} << 32) | (any(Family::kV4) & ~mask))
                                     : (uint128{0x0a000000} | (any(family) & 0xffffff & ~mask));
        break;
      default: base = any(family) & ~mask; break;
    }
    return Window{family, base, bits, std::vector<bool>(std::size_t{1} << bits)};
  }

  // A random range inside the window: a prefix-aligned block, a short run, a single address,
  // or any two points; occasionally the whole window.
  Range range_in(const Window& w) {
    const uint128 size = uint128{1} << w.bits;
    const uint128 a = below(static_cast<std::uint32_t>(size));
    switch (below(6)) {
      case 0: return range_of(w.family, w.base + a, w.base + a);
      case 1: {
        const int h = static_cast<int>(below(static_cast<std::uint32_t>(w.bits) + 1));
        const uint128 m = (uint128{1} << h) - 1;
        return range_of(w.family, w.base + (a & ~m), w.base + (a | m));
      }
      case 2: {
        const uint128 last = std::min(size - 1, a + below(20));
        return range_of(w.family, w.base + a, w.base + last);
      }
      case 3: return range_of(w.family, w.base, w.base + size - 1);
      default: {
        const uint128 b = below(static_cast<std::uint32_t>(size));
        return range_of(w.family, w.base + std::min(a, b), w.base + std::max(a, b));
      }
    }
  }

  // Any range of the family, edges weighted in, sometimes touching or crossing `near`.
  Range range_anywhere(Family family, const std::vector<Range>& near) {
    const uint128 ones = Address::all_ones(family);
    const int bits = address_bits(family);
    const std::uint32_t roll = below(100);
    std::vector<Range> same;
    for (const Range& r : near) {
      if (r.family() == family) same.push_back(r);
    }
    if (!same.empty() && roll < 25) {
      const Range& r = same[below(static_cast<std::uint32_t>(same.size()))];
      const uint128 len = uint128{below(1000)} << below(static_cast<std::uint32_t>(bits - 10));
      if (roll < 10 && !r.last().is_highest()) {  // starts right after: must merge
        const uint128 first = r.last().value() + 1;
        const uint128 last = ones - first < len ? ones : first + len;
        return range_of(family, first, last);
      }
      if (roll < 18 && !r.first().is_lowest()) {  // ends right before: must merge
        const uint128 last = r.first().value() - 1;
        const uint128 first = last < len ? 0 : last - len;
        return range_of(family, first, last);
      }
      // Crossing or nested.
      const uint128 first = r.first().value() + (r.span() == 0 ? 0 : any(family) % r.span());
      const uint128 last = ones - first < len ? ones : first + len;
      return range_of(family, first, last);
    }
    if (roll < 30) return range_of(family, 0, ones);
    if (roll < 35) return range_of(family, 0, any(family));
    if (roll < 40) return range_of(family, any(family), ones);
    if (roll < 70) {
      const int length = static_cast<int>(below(static_cast<std::uint32_t>(bits) + 1));
      return Range(Prefix::containing(address_of(family, any(family)), length));
    }
    const uint128 a = any(family);
    const uint128 b = any(family);
    return range_of(family, std::min(a, b), std::max(a, b));
  }
};

Inventory inventory_of(const std::vector<Range>& ranges, Random& random) {
  Inventory inventory;
  InventoryBuilder builder(inventory, nullptr);
  builder.begin_input("first", "first", InputFormat::kList);
  const char* namespaces[] = {"", "red", "blue"};
  const char* domains[] = {"", "onprem", "azure"};
  std::uint32_t line = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (i == ranges.size() / 2) builder.begin_input("second", "second", InputFormat::kList);
    RawRecord r;
    r.range = ranges[i];
    r.role = random.below(3) == 0 ? Role::kContainer : Role::kAssigned;
    r.namespace_name = namespaces[random.below(3)];
    r.domain = domains[random.below(3)];
    r.location.line = ++line;
    builder.record(r);
  }
  return inventory;
}

}  // namespace

// --------------------------------------------------------------------------------------------
// Fixed cases.

TEST_CASE("aggregate of nothing is nothing", "[aggregate][edge]") {
  CHECK(aggregate(std::vector<Range>{}).empty());
  std::vector<Range> none;
  merge_ranges(none);
  CHECK(none.empty());
  Inventory empty;
  CHECK(aggregate(empty).empty());
}

TEST_CASE("aggregate of the whole space / one address and the edges", "[aggregate][edge]") {
  using V = std::vector<std::string>;
  CHECK(aggregate_texts({"0.0.0.0/0"}) == V{"0.0.0.0/0"});
  CHECK(aggregate_texts({"::/0"}) == V{"::/0"});
  CHECK(aggregate_texts({"0.0.0.0-255.255.255.255"}) == V{"0.0.0.0/0"});
  CHECK(aggregate_texts({"::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}) == V{"::/0"});
  CHECK(aggregate_texts({"0.0.0.0/1", "128.0.0.0/1"}) == V{"0.0.0.0/0"});
  CHECK(aggregate_texts({"8000::/1", "::/1"}) == V{"::/0"});
  CHECK(aggregate_texts({"0.0.0.0"}) == V{"0.0.0.0/32"});
  CHECK(aggregate_texts({"255.255.255.255"}) == V{"255.255.255.255/32"});
  CHECK(aggregate_texts({"::"}) == V{"::/128"});
  CHECK(aggregate_texts({"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}) ==
        V{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"});
  CHECK(aggregate_texts({"255.255.255.255", "255.255.255.254"}) == V{"255.255.255.254/31"});
  CHECK(aggregate_texts({"0.0.0.1", "0.0.0.0"}) == V{"0.0.0.0/31"});
  CHECK(aggregate_texts({"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127",
                         "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc/127"}) ==
        V{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc/126"});
  // Everything but the two ends: the worst case of the cover, 62 and 254 blocks.
  CHECK(aggregate_texts({"0.0.0.1-255.255.255.254"}).size() == 62);
  CHECK(aggregate_texts({"::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"}).size() == 254);
  // ...and adding the ends back gives the whole space.
  CHECK(aggregate_texts({"0.0.0.1-255.255.255.254", "0.0.0.0", "255.255.255.255"}) ==
        V{"0.0.0.0/0"});
  CHECK(aggregate_texts({"::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", "::",
                         "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}) == V{"::/0"});
}

TEST_CASE("touching ranges merge / gaps do not", "[aggregate]") {
  using V = std::vector<std::string>;
  CHECK(aggregate_texts({"10.0.0.0/24", "10.0.1.0/24"}) == V{"10.0.0.0/23"});
  // x.255 and the next .0 touch: one range, though not one prefix.
  CHECK(merge_texts({"10.0.0.255", "10.0.1.0"}) == V{"10.0.0.255-10.0.1.0"});
  CHECK(aggregate_texts({"10.0.0.255", "10.0.1.0"}) == V{"10.0.0.255/32", "10.0.1.0/32"});
  CHECK(merge_texts({"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/23"}) == V{"10.0.0.0/22"});
  CHECK(merge_texts({"10.0.1.0/24", "10.0.0.0/24"}) == V{"10.0.0.0/23"});
  CHECK(merge_texts({"10.0.0.0/24", "10.0.2.0/24"}) == V{"10.0.0.0/24", "10.0.2.0/24"});
  CHECK(aggregate_texts({"10.0.1.0/24", "10.0.2.0/24"}) == V{"10.0.1.0/24", "10.0.2.0/24"});
  CHECK(merge_texts({"2001:db8::ffff", "2001:db8::1:0"}) == V{"2001:db8::ffff-2001:db8::1:0"});
  CHECK(merge_texts({"2001:db8::/64", "2001:db8:0:1::/64"}) == V{"2001:db8::/63"});
  CHECK(aggregate_texts({"10.0.0.10-10.0.0.99"}) ==
        V{"10.0.0.10/31", "10.0.0.12/30", "10.0.0.16/28", "10.0.0.32/27", "10.0.0.64/27",
          "10.0.0.96/30"});
  CHECK(aggregate_texts({"10.0.0.10-10.0.0.99", "10.0.0.0/25"}) == V{"10.0.0.0/25"});
}

TEST_CASE("nested and duplicate ranges collapse into the outer one", "[aggregate]") {
  using V = std::vector<std::string>;
  CHECK(aggregate_texts({"10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3", "10.0.0.0/8"}) ==
        V{"10.0.0.0/8"});
  CHECK(aggregate_texts({"10.1.2.3", "10.1.2.3", "10.1.2.3"}) == V{"10.1.2.3/32"});
  CHECK(merge_texts({"10.0.0.5-10.0.0.20", "10.0.0.10-10.0.0.30"}) == V{"10.0.0.5-10.0.0.30"});
  CHECK(aggregate_texts({"2001:db8::/32", "2001:db8:1::/48", "2001:db8::/32"}) ==
        V{"2001:db8::/32"});
}

TEST_CASE("families never merge / IPv4 comes first", "[aggregate][edge]") {
  using V = std::vector<std::string>;
  // 255.255.255.255 is followed by :: in the address order, but they do not touch.
  CHECK(merge_texts({"::", "255.255.255.255"}) == V{"255.255.255.255/32", "::/128"});
  CHECK(aggregate_texts({"::/128", "255.255.255.255/32"}) == V{"255.255.255.255/32", "::/128"});
  CHECK(aggregate_texts({"::/0", "0.0.0.0/0"}) == V{"0.0.0.0/0", "::/0"});
  // IPv4-mapped IPv6 stays IPv6, next to but not merged with its IPv4 twin.
  CHECK(aggregate_texts({"::ffff:10.0.0.0/120", "10.0.0.0/24", "::ffff:10.0.1.0/120"}) ==
        V{"10.0.0.0/24", "::ffff:10.0.0.0/119"});
  // IPv6 with the same value as IPv4 (the low 32 bits) stays IPv6.
  CHECK(aggregate_texts({"::-::ffff:ffff", "0.0.0.0/0"}) == V{"0.0.0.0/0", "::/96"});
  CHECK(aggregate_texts({"2001:db8::/32", "10.0.0.0/8", "192.168.0.0/16", "::1"}) ==
        V{"10.0.0.0/8", "192.168.0.0/16", "::1/128", "2001:db8::/32"});
}

// --------------------------------------------------------------------------------------------
// Random cases.

TEST_CASE("aggregate of random ranges in small windows equals the bitmap reference",
          "[aggregate][property]") {
  Random random(20261125);
  for (int round = 0; round < 600; ++round) {
    const int bits = 1 + static_cast<int>(random.below(11));  // 2..2048 addresses
    Window v4 = random.window(Family::kV4, bits);
    Window v6 = random.window(Family::kV6, bits);
    const bool use_v4 = random.below(4) != 0;
    const bool use_v6 = random.below(4) != 0;
    const std::size_t n = random.below(3) == 0 ? random.below(5) : random.below(80);
    std::vector<Range> ranges;
    for (std::size_t i = 0; i < n; ++i) {
      Window& w = (use_v4 && (!use_v6 || random.below(2) == 0)) ? v4 : v6;
      if (!use_v4 && !use_v6) break;
      const Range r = random.range_in(w);
      w.add(r.first().value(), r.last().value());
      ranges.push_back(r);
    }
    std::vector<Prefix> want = v4.minimal_cidrs();
    const std::vector<Prefix> want6 = v6.minimal_cidrs();
    want.insert(want.end(), want6.begin(), want6.end());

    INFO("round " << round << ", input "
                  << Catch::StringMaker<std::vector<std::string>>::convert(texts(ranges)));
    std::shuffle(ranges.begin(), ranges.end(), random.engine);
    const std::vector<Prefix> got = aggregate(ranges);
    REQUIRE(texts(got) == texts(want));
    check_minimal_cidrs(ranges, got);

    std::vector<Range> merged = ranges;
    merge_ranges(merged);
    check_merged(ranges, merged);

    Inventory inventory = inventory_of(ranges, random);
    REQUIRE(texts(aggregate(inventory)) == texts(want));
  }
}

TEST_CASE("aggregate of random ranges anywhere is the minimal CIDR list of the union",
          "[aggregate][property]") {
  Random random(1125);
  for (int round = 0; round < 400; ++round) {
    const std::size_t n = random.below(3) == 0 ? random.below(6) : random.below(150);
    const int mode = static_cast<int>(random.below(3));  // v4 only, v6 only, mixed
    std::vector<Range> ranges;
    for (std::size_t i = 0; i < n; ++i) {
      const Family family = mode == 0 ? Family::kV4 : mode == 1 ? Family::kV6 : random.family();
      ranges.push_back(random.range_anywhere(family, ranges));
    }
    INFO("round " << round << ", input "
                  << Catch::StringMaker<std::vector<std::string>>::convert(texts(ranges)));
    const std::vector<Prefix> got = aggregate(ranges);
    check_minimal_cidrs(ranges, got);

    std::vector<Range> merged = ranges;
    merge_ranges(merged);
    check_merged(ranges, merged);
    // merge_ranges is idempotent, and aggregating the merged ranges changes nothing.
    std::vector<Range> again = merged;
    merge_ranges(again);
    REQUIRE(again == merged);
    REQUIRE(aggregate(merged) == got);
    // Aggregating the output again is a fixed point too.
    std::vector<Range> as_ranges(got.begin(), got.end());
    REQUIRE(aggregate(as_ranges) == got);

    Inventory inventory = inventory_of(ranges, random);
    REQUIRE(aggregate(inventory) == got);
  }
}

TEST_CASE("aggregate of many random prefixes agrees with a sorted sweep", "[aggregate][property]") {
  // Larger inputs, too many for the quadratic reference: a plain sort-and-sweep on integers,
  // written independently of merge_ranges, then the maximality check per block by binary search.
  Random random(7);
  for (int round = 0; round < 4; ++round) {
    std::vector<Range> ranges;
    const std::size_t n = 50000;
    for (std::size_t i = 0; i < n; ++i) {
      const Family family = random.below(3) == 0 ? Family::kV6 : Family::kV4;
      const int bits = address_bits(family);
      // Crowded: IPv4 under 10.0.0.0/12, IPv6 under 2001:db8::/108, so neighbours touch.
      const uint128 base = family == Family::kV4 ? uint128{0x0a000000} : (uint128{0x20010db8} << 96);
      const uint128 value = base | (random.any(family) & 0xfffff);
      const int length = bits - static_cast<int>(random.below(10));
      ranges.push_back(Range(Prefix::containing(address_of(family, value), length)));
    }
    std::vector<Span> spans = spans_of(ranges);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
      if (a.family != b.family) return a.family < b.family;
      return a.first < b.first;
    });
    std::vector<Span> want;
    for (const Span& s : spans) {
      if (!want.empty() && want.back().family == s.family && s.first <= want.back().last + 1) {
        want.back().last = std::max(want.back().last, s.last);
      } else {
        want.push_back(s);
      }
    }
    const std::vector<Prefix> got = aggregate(ranges);
    std::vector<Span> got_union;
    for (const Prefix& p : got) {
      const Span s{p.family(), p.first().value(), p.last().value()};
      if (!got_union.empty() && got_union.back().family == s.family &&
          s.first <= got_union.back().last + 1) {
        REQUIRE(s.first == got_union.back().last + 1);  // sorted and disjoint
        got_union.back().last = s.last;
      } else {
        got_union.push_back(s);
      }
    }
    REQUIRE(same_spans(got_union, want));
    for (const Prefix& p : got) {
      const Prefix parent = Prefix::containing(p.first(), p.length() - 1);
      // The merged interval holding p must not hold its parent.
      const auto it = std::upper_bound(want.begin(), want.end(), Span{p.family(), p.first().value(), 0},
                                       [](const Span& a, const Span& b) {
                                         if (a.family != b.family) return a.family < b.family;
                                         return a.first < b.first;
                                       });
      REQUIRE(it != want.begin());
      const Span& holder = *(it - 1);
      INFO(to_string(p));
      REQUIRE((holder.first <= p.first().value() && p.last().value() <= holder.last));
      REQUIRE_FALSE((holder.first <= parent.first().value() && parent.last().value() <= holder.last));
    }
    std::vector<Range> merged = ranges;
    merge_ranges(merged);
    REQUIRE(same_spans(spans_of(merged), want));
  }
}

// --------------------------------------------------------------------------------------------
// RangeCollector's covered /20 blocks: ranges inside blocks that another range covers whole are
// dropped (as they arrive, or before the sort), and the blocks come back as ranges. The result
// must be aggregate()'s, which merges every range.

namespace {

// An IPv4 range near one of three places (the bottom, 10.0.0.0/12 and the top of the space),
// shaped to hit the covered-block paths: large prefixes (/12-/20, whole blocks), small ones
// (/21-/32, inside one block), ranges that straddle a block edge, now and then the whole space.
Range block_test_range(Random& random) {
  static const std::uint32_t kBases[] = {0x00000000U, 0x0a000000U, 0xfff00000U};
  const std::uint32_t base = kBases[random.below(3)];
  const auto within = [&](std::uint32_t span) {
    return base + static_cast<std::uint32_t>(random.below(span));
  };
  switch (random.below(8)) {
    case 0:
      if (random.below(20) == 0) return parse("0.0.0.0/0");
      return Range(Prefix::containing(Address::v4(within(1U << 20)),
                                       12 + static_cast<int>(random.below(9))));
    case 1: {  // across the edge between two blocks, or ending at one
      const std::uint32_t edge = (within(1U << 20) & ~0xfffU) | 0x1000U;
      const std::uint32_t first = edge - static_cast<std::uint32_t>(random.below(5000));
      const std::uint32_t last = edge - 1 + static_cast<std::uint32_t>(random.below(3) * random.below(5000));
      return range_of(Family::kV4, first, std::max(first, last));
    }
    default:
      return Range(Prefix::containing(Address::v4(within(1U << 20)),
                                       21 + static_cast<int>(random.below(12))));
  }
}

// A RangeCollector's aggregate of `ranges`, given one record at a time or, for the prefixes, in
// list batches (what read_list hands on), with the other ranges between.
std::vector<Prefix> collector_aggregate(const std::vector<Range>& ranges, bool batched) {
  RangeCollector collector;
  collector.begin_input(InputStart{"list.txt", "onprem", InputFormat::kList, {}});
  std::vector<LineRecord> batch;
  std::uint32_t line = 0;
  const auto flush = [&] {
    collector.line_records(std::span<const LineRecord>(batch));
    batch.clear();
  };
  for (const Range& range : ranges) {
    ++line;
    const std::optional<Prefix> prefix = range.as_prefix();
    if (batched && prefix) {
      batch.push_back(LineRecord{*prefix, line});
      if (batch.size() == 7) flush();
      continue;
    }
    flush();
    RawRecord record;
    record.range = range;
    record.location.line = line;
    collector.record(record);
  }
  flush();
  return collector.aggregate();
}

}  // namespace

TEST_CASE("RangeCollector drops what covered blocks hold and keeps the union",
          "[aggregate][property]") {
  Random random(20261205);
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 1 + random.below(random.below(4) == 0 ? 3000 : 60);
    std::vector<Range> ranges;
    for (std::size_t i = 0; i < n; ++i) ranges.push_back(block_test_range(random));
    if (random.below(3) == 0) ranges.push_back(parse("2001:db8::/48"));
    INFO("round " << round << ", " << n << " ranges");
    const std::vector<Prefix> want = aggregate(ranges);
    check_minimal_cidrs(ranges, want);
    REQUIRE(collector_aggregate(ranges, false) == want);
    REQUIRE(collector_aggregate(ranges, true) == want);
  }
}

TEST_CASE("RangeCollector keeps a small range that arrived before the block around it",
          "[aggregate]") {
  // Before and after the covering /20; a range sticking out of it on either side; the top block.
  const std::vector<Range> ranges = {parse("10.0.16.5/32"), parse("10.0.31.0/24"),
                                     parse("10.0.15.255-10.0.16.3"), parse("10.0.16.0/20"),
                                     parse("10.0.32.0/32"), parse("10.0.31.255-10.0.32.1"),
                                     parse("255.255.255.255"), parse("255.255.240.0/20")};
  for (const bool batched : {false, true}) {
    CHECK(texts(collector_aggregate(ranges, batched)) ==
          std::vector<std::string>{"10.0.15.255/32", "10.0.16.0/20", "10.0.32.0/31",
                                   "255.255.240.0/20"});
  }
}
