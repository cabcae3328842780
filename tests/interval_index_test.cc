// interval_index_test.cc — IntervalIndex<uint32_t> and IntervalIndex<uint128> against a linear
// scan, on random interval sets whose sizes sit around the powers of two where the implicit
// tree changes shape (and the tail past the last full subtree is handled separately), with
// nested, duplicate and crossing intervals and the edges 0 and all-ones in both keys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <iomanip>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "ipplan/address.h"
#include "ipplan/interval_index.h"

using namespace ipplan;

namespace {

template <typename Key>
constexpr int kKeyBits = static_cast<int>(sizeof(Key) * 8);

template <typename Key>
constexpr Key kMax = static_cast<Key>(~Key{0});

std::string hex(std::uint32_t v) {
  std::ostringstream out;
  out << "0x" << std::hex << v;
  return out.str();
}
std::string hex(uint128 v) {
  std::ostringstream out;
  out << "0x" << std::hex << static_cast<std::uint64_t>(v >> 64) << "_" << std::setfill('0')
      << std::setw(16) << static_cast<std::uint64_t>(v);
  return out.str();
}

template <typename Key>
struct Interval {
  Key first;
  Key last;
  std::uint32_t id;
};

template <typename Key>
std::string describe(Key first, Key last) {
  std::ostringstream out;  // not string operator+: GCC 12 warns falsely (-Wrestrict) there
  out << '[' << hex(first) << ", " << hex(last) << ']';
  return out.str();
}

// Random intervals, crowded into a window of the key space (so that overlaps are common) or
// spread over all of it, weighted towards the edges 0 and all-ones.
template <typename Key>
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t bits64() { return engine_(); }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(engine_() % n); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(engine_) < p; }

  Key any_key() {
    if constexpr (sizeof(Key) == 16) {
      return (Key{bits64()} << 64) | bits64();
    } else {
      return static_cast<Key>(bits64());
    }
  }

  // Picks a window for the next set: `span` is its size minus one (kMax for the whole space).
  void pick_window(std::size_t n) {
    const int width_choices[] = {3, 6, 10, 14, 20, kKeyBits<Key> / 2, kKeyBits<Key>};
    int width = width_choices[below(7)];
    // A window about as large as the set keeps it dense; a wider one makes it sparse.
    if (chance(0.3)) {
      width = 1;
      while (width < kKeyBits<Key> && (std::size_t{1} << std::min(width, 62)) < 4 * n) ++width;
    }
    span_ = width >= kKeyBits<Key> ? kMax<Key> : static_cast<Key>((Key{1} << width) - 1);
    switch (below(4)) {
      case 0: low_ = 0; break;
      case 1: low_ = static_cast<Key>(kMax<Key> - span_); break;
      default: low_ = static_cast<Key>(any_key() & ~span_); break;  // aligned to the window
    }
  }

  Key in_window() {
    const Key offset = span_ == kMax<Key> ? any_key() : static_cast<Key>(any_key() % (span_ + 1));
    return static_cast<Key>(low_ + offset);
  }
  Key high() const { return static_cast<Key>(low_ + span_); }

  // first + length, saturating at `limit`.
  static Key add_capped(Key first, Key length, Key limit) {
    return length > static_cast<Key>(limit - first) ? limit : static_cast<Key>(first + length);
  }

  // An interval inside the window (mostly), of one of several shapes.
  std::pair<Key, Key> interval() {
    const Key first = in_window();
    const std::uint32_t roll = below(100);
    if (roll < 20) return {first, first};  // one address
    if (roll < 45) {
      return {first, add_capped(first, static_cast<Key>(below(16)), high())};
    }
    if (roll < 75) {  // an aligned block, as prefixes are: nests or is disjoint
      const int window_bits = span_ == kMax<Key> ? kKeyBits<Key> : bit_width(span_);
      const int host_bits = static_cast<int>(below(static_cast<std::uint32_t>(window_bits) + 1));
      const Key mask =
          host_bits >= kKeyBits<Key> ? kMax<Key> : static_cast<Key>((Key{1} << host_bits) - 1);
      return {static_cast<Key>(first & ~mask), static_cast<Key>(first | mask)};
    }
    if (roll < 95) {  // anything up to the window's top
      const Key other = in_window();
      return {std::min(first, other), std::max(first, other)};
    }
    // Reaching an edge of the whole key space.
    if (chance(0.5)) return {0, first};
    return {first, kMax<Key>};
  }

  // A query: mostly like the intervals, plus points, the whole space and the edges.
  std::pair<Key, Key> query(const std::vector<Interval<Key>>& set) {
    const std::uint32_t roll = below(100);
    if (roll < 3) return {0, kMax<Key>};
    if (roll < 5) return {0, 0};
    if (roll < 7) return {kMax<Key>, kMax<Key>};
    if (roll < 9) return {0, in_window()};
    if (roll < 11) return {in_window(), kMax<Key>};
    if (roll < 30 && !set.empty()) {
      // Probe just at, inside and beyond an existing interval's ends.
      const Interval<Key>& i = set[below(static_cast<std::uint32_t>(set.size()))];
      switch (below(6)) {
        case 0: return {i.first, i.first};
        case 1: return {i.last, i.last};
        case 2: return {i.first, i.last};
        case 3: {
          const Key before = i.first == 0 ? Key{0} : static_cast<Key>(i.first - 1);
          return {before, before};
        }
        case 4: {
          const Key after = i.last == kMax<Key> ? kMax<Key> : static_cast<Key>(i.last + 1);
          return {after, after};
        }
        default: {
          const Key before = i.first == 0 ? Key{0} : static_cast<Key>(i.first - 1);
          const Key after = i.last == kMax<Key> ? kMax<Key> : static_cast<Key>(i.last + 1);
          return {before, after};
        }
      }
    }
    if (roll < 55) {
      const Key point = in_window();
      return {point, point};
    }
    return interval();
  }

  // A set of n intervals with ids that are not their positions: duplicates (same interval,
  // another id), intervals crossing an earlier one, and the edges mixed in.
  std::vector<Interval<Key>> set(std::size_t n) {
    pick_window(n);
    std::vector<Interval<Key>> out;
    out.reserve(n);
    std::vector<std::uint32_t> ids(n);
    for (std::size_t i = 0; i < n; ++i) ids[i] = static_cast<std::uint32_t>(i * 2654435761U + 7);
    std::shuffle(ids.begin(), ids.end(), engine_);
    for (std::size_t i = 0; i < n; ++i) {
      std::pair<Key, Key> iv = interval();
      const std::uint32_t roll = below(100);
      if (!out.empty() && roll < 10) {  // duplicate
        const Interval<Key>& d = out[below(static_cast<std::uint32_t>(out.size()))];
        iv = {d.first, d.last};
      } else if (!out.empty() && roll < 20) {  // crossing: starts inside, ends beyond
        const Interval<Key>& d = out[below(static_cast<std::uint32_t>(out.size()))];
        const Key start = d.first == d.last
                              ? d.first
                              : static_cast<Key>(d.first + 1 + any_key() % (d.last - d.first));
        iv = {start, add_capped(d.last, static_cast<Key>(1 + below(8)), kMax<Key>)};
      } else if (roll < 22) {
        switch (below(5)) {
          case 0: iv = {0, kMax<Key>}; break;
          case 1: iv = {0, 0}; break;
          case 2: iv = {kMax<Key>, kMax<Key>}; break;
          case 3: iv = {0, iv.second}; break;
          default: iv = {iv.first, kMax<Key>}; break;
        }
      }
      out.push_back({iv.first, iv.second, ids[i]});
    }
    return out;
  }

 private:
  std::mt19937_64 engine_;
  Key low_ = 0;
  Key span_ = kMax<Key>;
};

template <typename Key>
IntervalIndex<Key> build_index(const std::vector<Interval<Key>>& set) {
  IntervalIndex<Key> index;
  index.reserve(set.size());
  for (const Interval<Key>& i : set) index.add(i.first, i.last, i.id);
  index.build();
  return index;
}

template <typename Key>
std::vector<std::uint32_t> brute_force(const std::vector<Interval<Key>>& set, Key first,
                                       Key last) {
  std::vector<std::uint32_t> ids;
  for (const Interval<Key>& i : set) {
    if (i.first <= last && first <= i.last) ids.push_back(i.id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// One query checked every way: the visited set, any_overlap, early stop, and that each visited
// entry carries its own interval.
template <typename Key>
void check_query(const IntervalIndex<Key>& index, const std::vector<Interval<Key>>& set,
                 std::type_identity_t<Key> first, std::type_identity_t<Key> last,
                 std::uint32_t stop_after) {
  const std::vector<std::uint32_t> want = brute_force(set, first, last);
  std::vector<std::uint32_t> got;
  bool entries_match = true;
  index.for_each_overlap(first, last, [&](const typename IntervalIndex<Key>::Entry& e) {
    got.push_back(e.id);
    if (!(e.first <= last && first <= e.last)) entries_match = false;
    return true;
  });
  std::sort(got.begin(), got.end());
  INFO("n = " << set.size() << ", query " << describe(first, last) << ", " << want.size()
              << " overlaps expected, " << got.size() << " visited");
  REQUIRE(got == want);
  REQUIRE(entries_match);
  REQUIRE(index.any_overlap(first, last) == !want.empty());

  // Early stop: after returning false the visitor is not called again.
  std::vector<std::uint32_t> partial;
  index.for_each_overlap(first, last, [&](const typename IntervalIndex<Key>::Entry& e) {
    partial.push_back(e.id);
    return partial.size() < stop_after;
  });
  REQUIRE(partial.size() == std::min<std::size_t>(stop_after, want.size()));
  for (const std::uint32_t id : partial) {
    REQUIRE(std::binary_search(want.begin(), want.end(), id));
  }
  std::sort(partial.begin(), partial.end());
  REQUIRE(std::adjacent_find(partial.begin(), partial.end()) == partial.end());
}

// A batch checked against brute force (and so against the single-query calls, which
// check_query holds to the same): for_each_overlap_batch visits exactly each query's overlaps,
// each once, with the right query position and entry; any_overlap_batch agrees; a visitor
// returning false stops its own query only. `stop_after[i]` (0: never) is query i's limit.
template <typename Key>
void check_batch(const IntervalIndex<Key>& index, const std::vector<Interval<Key>>& set,
                 const std::vector<typename IntervalIndex<Key>::Query>& queries,
                 const std::vector<std::uint32_t>& stop_after) {
  using Entry = typename IntervalIndex<Key>::Entry;
  std::vector<std::vector<std::uint32_t>> got(queries.size());
  bool entries_match = true;
  bool in_range = true;
  index.for_each_overlap_batch(queries, [&](std::size_t q, const Entry& e) {
    if (q >= queries.size()) {
      in_range = false;
      return false;
    }
    got[q].push_back(e.id);
    if (!(e.first <= queries[q].last && queries[q].first <= e.last)) entries_match = false;
    return stop_after[q] == 0 || got[q].size() < stop_after[q];
  });
  REQUIRE(in_range);
  REQUIRE(entries_match);
  // Bytes around the answers stay untouched.
  std::vector<std::uint8_t> found(queries.size() + 2, 7);
  index.any_overlap_batch(queries, std::span<std::uint8_t>(found).subspan(1, queries.size()));
  REQUIRE(found.front() == 7);
  REQUIRE(found.back() == 7);
  for (std::size_t q = 0; q < queries.size(); ++q) {
    const std::vector<std::uint32_t> want = brute_force(set, queries[q].first, queries[q].last);
    std::vector<std::uint32_t>& mine = got[q];
    std::sort(mine.begin(), mine.end());
    INFO("n = " << set.size() << ", batch of " << queries.size() << ", query " << q << " "
                << describe(queries[q].first, queries[q].last) << ", " << want.size()
                << " overlaps expected, " << mine.size() << " visited, stop after "
                << stop_after[q]);
    REQUIRE(found[q + 1] == (want.empty() ? 0 : 1));
    REQUIRE(index.any_overlap(queries[q].first, queries[q].last) == !want.empty());
    if (stop_after[q] == 0) {
      REQUIRE(mine == want);
    } else {
      REQUIRE(mine.size() == std::min<std::size_t>(stop_after[q], want.size()));
      REQUIRE(std::adjacent_find(mine.begin(), mine.end()) == mine.end());
      for (const std::uint32_t id : mine) {
        REQUIRE(std::binary_search(want.begin(), want.end(), id));
      }
    }
  }
}

// entries() is in build() order and holds exactly what was added.
template <typename Key>
void check_entries(const IntervalIndex<Key>& index, const std::vector<Interval<Key>>& set) {
  REQUIRE(index.size() == set.size());
  REQUIRE(index.empty() == set.empty());
  const auto& entries = index.entries();
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const auto& a = entries[i - 1];
    const auto& b = entries[i];
    INFO("entries " << i - 1 << " and " << i);
    REQUIRE((a.first < b.first || (a.first == b.first && a.last >= b.last)));
  }
  std::vector<std::uint32_t> stored;
  for (const auto& e : entries) stored.push_back(e.id);
  std::vector<std::uint32_t> added;
  for (const auto& i : set) added.push_back(i.id);
  std::sort(stored.begin(), stored.end());
  std::sort(added.begin(), added.end());
  REQUIRE(stored == added);
}

template <typename Key>
void run_sizes(const std::vector<std::size_t>& sizes, int sets_per_size,
               std::size_t queries_per_set, std::uint64_t seed) {
  Generator<Key> gen(seed);
  for (const std::size_t n : sizes) {
    for (int s = 0; s < sets_per_size; ++s) {
      const std::vector<Interval<Key>> set = gen.set(n);
      const IntervalIndex<Key> index = build_index(set);
      check_entries(index, set);
      std::vector<typename IntervalIndex<Key>::Query> batch;
      std::vector<std::uint32_t> stop_after;
      for (std::size_t q = 0; q < queries_per_set; ++q) {
        const auto [first, last] = gen.query(set);
        check_query(index, set, first, last, 1 + gen.below(4));
        batch.push_back({first, last});
        stop_after.push_back(gen.chance(0.8) ? 0 : 1 + gen.below(4));
      }
      check_batch(index, set, batch, stop_after);
    }
  }
}

const std::vector<std::size_t> kSizes = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65,
                                         100, 127, 128, 129, 255, 256, 257, 1000, 1023, 1024, 1025};

}  // namespace

TEST_CASE("IntervalIndex<uint32_t> visits exactly the overlapping intervals", "[interval_index]") {
  run_sizes<std::uint32_t>(kSizes, 6, 150, 20261125);
  run_sizes<std::uint32_t>({4095, 4096, 4097, 10000}, 2, 400, 77);
}

TEST_CASE("IntervalIndex<uint128> visits exactly the overlapping intervals", "[interval_index]") {
  run_sizes<uint128>(kSizes, 6, 150, 1125);
  run_sizes<uint128>({4095, 4096, 4097, 10000}, 2, 400, 78);
}

TEST_CASE("IntervalIndex agrees with a linear scan at every size up to 300",
          "[interval_index]") {
  std::vector<std::size_t> sizes;
  for (std::size_t n = 0; n <= 300; ++n) sizes.push_back(n);
  run_sizes<std::uint32_t>(sizes, 2, 25, 3);
  run_sizes<uint128>(sizes, 1, 25, 4);
}

TEST_CASE("IntervalIndex on an empty set finds nothing", "[interval_index][edge]") {
  IntervalIndex<std::uint32_t> v4;
  v4.build();
  CHECK(v4.empty());
  CHECK_FALSE(v4.any_overlap(0, 0xffffffffU));
  int calls = 0;
  v4.for_each_overlap(0, 0xffffffffU, [&](const auto&) { return ++calls > 0; });
  CHECK(calls == 0);
  IntervalIndex<uint128> v6;
  v6.build();
  CHECK_FALSE(v6.any_overlap(0, kMax<uint128>));
}

TEST_CASE("IntervalIndex handles the edges of the key space", "[interval_index][edge]") {
  for (int variant = 0; variant < 2; ++variant) {
    // The whole space, the lowest and the highest key, and intervals touching each edge.
    std::vector<Interval<std::uint32_t>> v4 = {{0, 0xffffffffU, 1},
                                               {0, 0, 2},
                                               {0xffffffffU, 0xffffffffU, 3},
                                               {0, 0xffU, 4},
                                               {0xffffff00U, 0xffffffffU, 5},
                                               {0x0a000000U, 0x0affffffU, 6},
                                               {0x0a000000U, 0x0affffffU, 7}};
    std::vector<Interval<uint128>> v6 = {{0, kMax<uint128>, 1},
                                         {0, 0, 2},
                                         {kMax<uint128>, kMax<uint128>, 3},
                                         {0, 0xffff, 4},
                                         {kMax<uint128> - 0xffff, kMax<uint128>, 5},
                                         {uint128{0xffff} << 32, (uint128{0xffff} << 32) | 0xffffffffU, 6},
                                         {uint128{0xffff} << 32, (uint128{0xffff} << 32) | 0xffffffffU, 7}};
    if (variant == 1) {  // without the whole-space interval, so misses are possible
      v4.erase(v4.begin());
      v6.erase(v6.begin());
    }
    const auto index4 = build_index(v4);
    const auto index6 = build_index(v6);
    const std::uint32_t probes4[] = {0, 1, 0xff, 0x100, 0x0a000000U, 0x0affffffU, 0x0b000000U,
                                     0xfffffeffU, 0xffffff00U, 0xfffffffeU, 0xffffffffU};
    for (const std::uint32_t a : probes4) {
      for (const std::uint32_t b : probes4) {
        if (a <= b) check_query(index4, v4, a, b, 1);
      }
    }
    const uint128 probes6[] = {0, 1, 0xffff, 0x10000, uint128{0xffff} << 32,
                               (uint128{0xffff} << 32) | 0xffffffffU, uint128{1} << 64,
                               kMax<uint128> - 0x10000, kMax<uint128> - 0xffff,
                               kMax<uint128> - 1, kMax<uint128>};
    for (const uint128 a : probes6) {
      for (const uint128 b : probes6) {
        if (a <= b) check_query(index6, v6, a, b, 2);
      }
    }
  }
}

TEST_CASE("IntervalIndex with many copies of one interval and deep nesting",
          "[interval_index][edge]") {
  // 1000 copies of one interval: every query that touches it must see all 1000.
  std::vector<Interval<std::uint32_t>> copies;
  for (std::uint32_t i = 0; i < 1000; ++i) copies.push_back({100, 200, i * 3 + 1});
  const auto index = build_index(copies);
  check_query(index, copies, 0, 99, 5);
  check_query(index, copies, 0, 100, 5);
  check_query(index, copies, 150, 150, 5);
  check_query(index, copies, 200, 0xffffffffU, 5);
  check_query(index, copies, 201, 0xffffffffU, 5);

  // A chain of 33 nested prefixes 0.0.0.0/0 ... 0.0.0.0/32, plus the same under 255.255.255.255.
  std::vector<Interval<std::uint32_t>> nested;
  for (int length = 0; length <= 32; ++length) {
    // Host mask of a /length; a shift by 32 would be undefined.
    const std::uint32_t mask = length == 32 ? 0U : (0xffffffffU >> length);
    nested.push_back({0, mask, static_cast<std::uint32_t>(length)});
    nested.push_back({~mask, 0xffffffffU, static_cast<std::uint32_t>(100 + length)});
  }
  const auto nested_index = build_index(nested);
  for (int bit = 0; bit < 32; ++bit) {
    const std::uint32_t point = std::uint32_t{1} << bit;
    check_query(nested_index, nested, point, point, 3);
    check_query(nested_index, nested, point - 1, point - 1, 3);
    check_query(nested_index, nested, ~point, ~point, 3);
  }
  // Long intervals that all start early and end late, so the subtree maxima carry the search.
  std::vector<Interval<std::uint32_t>> staircase;
  for (std::uint32_t i = 0; i < 500; ++i) staircase.push_back({i, 0xffffffffU - i * 1000, i});
  const auto stair_index = build_index(staircase);
  Generator<std::uint32_t> gen(5);
  for (int q = 0; q < 500; ++q) {
    const std::uint32_t point = static_cast<std::uint32_t>(gen.bits64());
    check_query(stair_index, staircase, point, point, 7);
  }
  check_query(stair_index, staircase, 0xffffffffU, 0xffffffffU, 1);
}

TEST_CASE("IntervalIndex batches answer like single queries", "[interval_index][batch]") {
  // Batch sizes around the group size (the pipeline's first, middle and last groups, a partial
  // last group) over sets large enough for a tree of several levels.
  const std::size_t group = IntervalIndex<std::uint32_t>::kGroup;
  const std::vector<std::size_t> batch_sizes = {0,         1,         2,         group - 1,
                                                group,     group + 1, 2 * group, 3 * group + 5,
                                                10 * group + 3};
  for (int family = 0; family < 2; ++family) {
    Generator<std::uint32_t> gen4(900 + static_cast<std::uint64_t>(family));
    Generator<uint128> gen6(950 + static_cast<std::uint64_t>(family));
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{9},
                                std::size_t{257}, std::size_t{5000}}) {
      for (const std::size_t size : batch_sizes) {
        const auto check_random_batch = [&](auto& gen) {
          const auto set = gen.set(n);
          const auto index = build_index(set);
          std::vector<typename decltype(index)::Query> batch;
          std::vector<std::uint32_t> stop_after;
          for (std::size_t q = 0; q < size; ++q) {
            const auto [first, last] = gen.query(set);
            batch.push_back({first, last});
            stop_after.push_back(gen.chance(0.7) ? 0 : 1 + gen.below(6));
          }
          check_batch(index, set, batch, stop_after);
        };
        if (family == 0) {
          check_random_batch(gen4);
        } else {
          check_random_batch(gen6);
        }
      }
    }
  }
}

TEST_CASE("IntervalIndex batches with long runs and long walks", "[interval_index][batch]") {
  // Every query overlaps hundreds of entries — runs far longer than a leaf and walks over
  // hundreds of nested or crossing intervals — so more work is pending than the batch keeps in
  // flight at once, and pending work must be finished before new queries come in.
  std::vector<Interval<std::uint32_t>> set;
  for (std::uint32_t i = 0; i < 600; ++i) set.push_back({1000, 2000, i});          // copies
  for (std::uint32_t i = 0; i < 300; ++i) set.push_back({i, 0xffffffffU - i, 1000 + i});  // nested
  for (std::uint32_t i = 0; i < 300; ++i) set.push_back({3000 + i, 5000 + i, 2000 + i});  // crossing
  set.push_back({0, 0xffffffffU, 5000});
  set.push_back({0xffffffffU, 0xffffffffU, 5001});
  set.push_back({0, 0, 5002});
  const auto index = build_index(set);
  Generator<std::uint32_t> gen(31);
  std::vector<IntervalIndex<std::uint32_t>::Query> batch;
  std::vector<std::uint32_t> stop_after;
  const std::uint32_t probes[] = {0, 1, 999, 1000, 1500, 2000, 2001, 3000, 3150, 4000, 5299,
                                  5300, 0xfffffffeU, 0xffffffffU};
  for (int round = 0; round < 40; ++round) {
    for (const std::uint32_t a : probes) {
      const std::uint32_t b = probes[gen.below(static_cast<std::uint32_t>(std::size(probes)))];
      batch.push_back({std::min(a, b), std::max(a, b)});
      stop_after.push_back(gen.chance(0.8) ? 0 : 1 + gen.below(700));
    }
  }
  check_batch(index, set, batch, stop_after);
  for (std::size_t q = 0; q < batch.size(); q += 37) {
    check_query(index, set, batch[q].first, batch[q].last, 1 + gen.below(700));
  }
}

TEST_CASE("IntervalIndex batches on an empty index and an index of one", "[interval_index][batch][edge]") {
  const std::vector<IntervalIndex<uint128>::Query> queries = {
      {0, 0}, {0, kMax<uint128>}, {kMax<uint128>, kMax<uint128>}, {5, 9}};
  const std::vector<std::uint32_t> never(queries.size(), 0);
  const std::vector<Interval<uint128>> none;
  check_batch(build_index(none), none, queries, never);
  for (const Interval<uint128> one : {Interval<uint128>{0, 0, 1}, Interval<uint128>{0, kMax<uint128>, 2},
                                      Interval<uint128>{kMax<uint128>, kMax<uint128>, 3},
                                      Interval<uint128>{6, 7, 4}}) {
    const std::vector<Interval<uint128>> set = {one};
    check_batch(build_index(set), set, queries, never);
  }
}
