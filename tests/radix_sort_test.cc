// radix_sort_test.cc — detail::radix_sort (engine/src/radix_sort.h) against std::stable_sort on
// random keys: few distinct bytes (deep recursion, single-bucket levels), many duplicates (the key
// runs out and `less` breaks ties), sizes around the small-bucket and rounds cutoffs, and keys
// whose bytes past a per-item width are constant (the IPv4/IPv6 layouts of verify and aggregate).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "../engine/src/radix_sort.h"

namespace {

struct Item {
  std::uint64_t high;  // key bytes 0-7, most significant first
  std::uint32_t low;   // key bytes 8-11, only when `wide`
  bool wide;
  std::uint32_t tag;  // tie-break, not in the key
};

std::uint8_t item_byte(const Item& item, int d) {
  if (d < 8) return static_cast<std::uint8_t>(item.high >> (8 * (7 - d)));
  if (!item.wide) return 0;
  return static_cast<std::uint8_t>(item.low >> (8 * (11 - d)));
}

bool item_less(const Item& a, const Item& b) {
  if (a.high != b.high) return a.high < b.high;
  const std::uint32_t la = a.wide ? a.low : 0;
  const std::uint32_t lb = b.wide ? b.low : 0;
  if (la != lb) return la < lb;
  return a.tag < b.tag;
}

std::vector<Item> random_items(std::mt19937_64& random, std::size_t n, std::uint64_t spread) {
  std::vector<Item> items;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t r = random();
    // A few high bytes differ; the rest repeat, so many levels hold one bucket.
    const std::uint64_t high = ((r % spread) << 40) | 0x0000001234000000ULL;
    items.push_back({high, static_cast<std::uint32_t>(random() % 7), (r & 1) != 0,
                     static_cast<std::uint32_t>(random() % 1000)});
  }
  return items;
}

}  // namespace

TEST_CASE("radix_sort orders like a comparison sort", "[radix_sort]") {
  std::mt19937_64 random(20261202);
  // Sizes around both cutoffs: std::sort below kSmallBucket, cycles below kRoundsFrom, rounds
  // from there (300000 also moves sub-buckets of 64k and more in rounds).
  for (const std::size_t n : {0, 1, 2, 63, 64, 65, 200, 5000, 40000, 65535, 65536, 65537, 300000}) {
    for (const std::uint64_t spread : {1ULL, 3ULL, 300ULL, 1ULL << 20}) {
      std::vector<Item> items = random_items(random, n, spread);
      std::vector<Item> want = items;
      std::stable_sort(want.begin(), want.end(), item_less);
      ipplan::detail::radix_sort(items.data(), items.data() + items.size(), 12, item_byte,
                                 item_less);
      INFO("n = " << n << ", spread = " << spread);
      REQUIRE(items.size() == want.size());
      for (std::size_t i = 0; i < n; ++i) {
        REQUIRE(items[i].high == want[i].high);
        REQUIRE(item_less(items[i], want[i]) == false);
        REQUIRE(item_less(want[i], items[i]) == false);
      }
    }
  }
}

namespace {

struct Keyed {
  std::uint32_t key;
  std::uint32_t tie;  // orders equal keys, descending, as verify orders equal firsts by last
  std::uint32_t id;   // unique: the order is total
};

bool keyed_less(const Keyed& a, const Keyed& b) {
  if (a.key != b.key) return a.key < b.key;
  if (a.tie != b.tie) return a.tie > b.tie;
  return a.id < b.id;
}

// Keys drawn to exercise each path: all equal, spread over all 32 bits, a constant top byte (the
// MSD pass on a lower byte), one bucket holding nearly all items (the scratch as large as the
// input), few distinct values (long runs of equal keys), and small values (no lower bytes).
std::uint32_t draw_key(std::mt19937_64& random, int shape) {
  const auto r = static_cast<std::uint32_t>(random());
  switch (shape) {
    case 0: return 0x0a000001U;
    case 1: return r;
    case 2: return 0x0a000000U | (r & 0x00ffffffU);
    case 3: return (random() % 100 == 0) ? r : (0xc0a80000U | (r & 0xffffU));
    case 4: return 0x20000000U + (r % 5) * 0x01010101U;
    default: return r % 200;
  }
}

}  // namespace

TEST_CASE("sort_by_key32 orders like a comparison sort", "[radix_sort]") {
  std::mt19937_64 random(20261205);
  for (const std::size_t n : {0, 1, 2, 63, 64, 65, 300, 5000, 65535, 65536, 70000, 300000}) {
    for (int shape = 0; shape < 6; ++shape) {
      std::vector<Keyed> items;
      for (std::uint32_t i = 0; i < n; ++i) {
        items.push_back({draw_key(random, shape), static_cast<std::uint32_t>(random() % 4), i});
      }
      std::vector<Keyed> want = items;
      std::sort(want.begin(), want.end(), keyed_less);
      ipplan::detail::sort_by_key32(
          items.data(), items.data() + items.size(), [](const Keyed& k) { return k.key; },
          keyed_less);
      INFO("n = " << n << ", shape = " << shape);
      REQUIRE(items.size() == want.size());
      for (std::size_t i = 0; i < n; ++i) {
        REQUIRE(items[i].key == want[i].key);
        REQUIRE(items[i].tie == want[i].tie);
        REQUIRE(items[i].id == want[i].id);
      }
    }
  }
}
