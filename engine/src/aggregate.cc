// aggregate.cc — merge, then cover. The sorts are radix sorts (radix_sort.h); IPv4 ranges take a
// tighter path still: 8-byte (first, last) words, sorted by first in four LSD passes and merged
// in place.
#include "ipplan/aggregate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <utility>

#include "radix_sort.h"

namespace ipplan {
namespace {

// Range order (family, first ascending, last descending) as bytes: the family, then first and
// the complement of last, each as wide as the family.
std::uint8_t range_key_byte(const Range& range, int d) {
  if (d == 0) return static_cast<std::uint8_t>(range.family());
  --d;
  const int width = range.family() == Family::kV4 ? 4 : 16;
  if (d < width) return static_cast<std::uint8_t>(range.first().value() >> (8 * (width - 1 - d)));
  d -= width;
  if (d < width) return static_cast<std::uint8_t>(~range.last().value() >> (8 * (width - 1 - d)));
  return 0;
}

// An IPv4 range as one word: first in the high half, last in the low half.
constexpr std::uint64_t v4_word(std::uint32_t first, std::uint32_t last) {
  return (std::uint64_t{first} << 32) | last;
}

// Sorts the words by first (the high half); the order among equal firsts does not matter here.
// One MSD pass on first's top byte scatters the words into 256 buckets (about 40K words, 320 KB,
// for 10M lines), then each bucket is finished by LSD passes on first's three lower bytes while it
// sits in the L2 cache: one scatter across the whole array instead of four. 256 buckets a pass
// keep the scatter's write streams in cache, where 65,536 (passes of 16 bits) missed on nearly
// every write. A pass whose byte is the same for every word of a bucket is skipped.
void sort_by_first(std::vector<std::uint64_t>& words) {
  const std::size_t n = words.size();
  if (n < 2) return;
  constexpr std::size_t kBuckets = 256;
  const auto byte_of = [](std::uint64_t w, int byte) {  // byte 3 is the top byte of first
    return static_cast<std::size_t>(w >> (32 + 8 * byte)) & (kBuckets - 1);
  };
  // Every slot of the scratch array is written before it is read: allocated, never zero-filled.
  std::allocator<std::uint64_t> allocator;
  std::uint64_t* const scratch = allocator.allocate(n);
  std::array<std::size_t, kBuckets + 1> bounds{};  // bucket b: [bounds[b], bounds[b + 1])
  for (const std::uint64_t w : words) ++bounds[byte_of(w, 3) + 1];
  for (std::size_t b = 0; b < kBuckets; ++b) bounds[b + 1] += bounds[b];
  std::array<std::size_t, kBuckets> next{};
  std::copy(bounds.begin(), bounds.end() - 1, next.begin());
  for (const std::uint64_t w : words) scratch[next[byte_of(w, 3)]++] = w;

  std::array<std::array<std::uint32_t, kBuckets>, 3> starts{};  // a bucket holds < 2^32 words
  for (std::size_t b = 0; b < kBuckets; ++b) {
    const std::size_t m = bounds[b + 1] - bounds[b];
    std::uint64_t* from = scratch + bounds[b];
    std::uint64_t* to = words.data() + bounds[b];
    if (m > 1) {
      for (auto& counts : starts) counts.fill(0);
      for (std::size_t i = 0; i < m; ++i) {
        for (int byte = 0; byte < 3; ++byte) ++starts[byte][byte_of(from[i], byte)];
      }
      for (int byte = 0; byte < 3; ++byte) {
        std::array<std::uint32_t, kBuckets>& start = starts[byte];
        if (start[byte_of(from[0], byte)] == m) continue;  // one value: nothing moves
        std::uint32_t offset = 0;
        for (std::uint32_t& slot : start) offset += std::exchange(slot, offset);
        for (std::size_t i = 0; i < m; ++i) to[start[byte_of(from[i], byte)]++] = from[i];
        std::swap(from, to);
      }
    }
    if (from != words.data() + bounds[b]) std::copy(from, from + m, words.data() + bounds[b]);
  }
  allocator.deallocate(scratch, n);
}

// for_each_cover_prefix for an IPv4 range, in 32-bit arithmetic: a merged list is mostly blocks
// that are already prefixes, one step each.
void cover_v4(std::uint32_t first, std::uint32_t last, PrefixVisitor visit) {
  std::uint64_t cursor = first;
  while (true) {
    // The block is bounded by the cursor's alignment and by the room left up to `last`.
    const std::uint64_t room = std::uint64_t{last} - cursor + 1;
    const int aligned = cursor == 0 ? 32 : std::countr_zero(cursor);
    const int host_bits = std::min(aligned, static_cast<int>(std::bit_width(room)) - 1);
    visit(Prefix::containing(Address::v4(static_cast<std::uint32_t>(cursor)), 32 - host_bits));
    cursor += std::uint64_t{1} << host_bits;
    if (cursor > last) return;
  }
}

// Each merged range as its minimal prefix list, in order.
void cover_each(const std::vector<Range>& merged, PrefixVisitor visit) {
  for (const Range& range : merged) {
    for_each_cover_prefix(range, [&visit](const Prefix& prefix) {
      visit(prefix);
      return true;
    });
  }
}

}  // namespace

void merge_ranges(std::vector<Range>& ranges) {
  detail::radix_sort(ranges.data(), ranges.data() + ranges.size(), 33, range_key_byte,
                     [](const Range& a, const Range& b) { return a < b; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < ranges.size();) {
    const Address first = ranges[i].first();
    Address last = ranges[i].last();
    ++i;
    // Join everything that overlaps or touches; closed ranges never step past the family's top.
    while (i < ranges.size() && ranges[i].family() == first.family() &&
           (ranges[i].first() <= last ||
            (!last.is_highest() && ranges[i].first() == last.next()))) {
      if (ranges[i].last() > last) last = ranges[i].last();
      ++i;
    }
    ranges[out++] = *Range::make(first, last);
  }
  ranges.resize(out);
}

std::vector<Prefix> aggregate(std::vector<Range> ranges) {
  merge_ranges(ranges);
  std::vector<Prefix> prefixes;
  prefixes.reserve(ranges.size());
  cover_each(ranges, [&prefixes](const Prefix& prefix) { prefixes.push_back(prefix); });
  return prefixes;
}

std::vector<Prefix> aggregate(const Inventory& inventory) {
  RangeCollector collector;
  RawRecord raw;
  for (const Record& r : inventory.records()) {
    raw.range = r.range;
    collector.record(raw);
  }
  return collector.aggregate();
}

void RangeCollector::collect(const Range& range) {
  if (range.family() == Family::kV4) {
    v4_.push_back(v4_word(range.first().v4_value(), range.last().v4_value()));
  } else {
    v6_.push_back(range);
  }
}

void RangeCollector::keep(const RawRecord& record) { collect(record.range); }

void RangeCollector::keep_lines(std::span<const LineRecord> records) {
  for (const LineRecord& line_record : records) collect(Range(line_record.prefix));
}

std::vector<Prefix> RangeCollector::aggregate() {
  std::vector<Prefix> prefixes;
  aggregate_into([&prefixes](const Prefix& prefix) { prefixes.push_back(prefix); });
  return prefixes;
}

void RangeCollector::aggregate_into(PrefixVisitor visit) {
  std::vector<std::uint64_t> v4 = std::move(v4_);
  v4_ = {};
  sort_by_first(v4);
  for (std::size_t i = 0; i < v4.size();) {
    const auto first = static_cast<std::uint32_t>(v4[i] >> 32);
    auto last = static_cast<std::uint32_t>(v4[i]);
    // Join what overlaps or touches: first <= last + 1, without stepping past the top.
    for (++i; i < v4.size() && (v4[i] >> 32) <= std::uint64_t{last} + 1; ++i) {
      last = std::max(last, static_cast<std::uint32_t>(v4[i]));
    }
    cover_v4(first, last, visit);
  }
  v4 = {};
  std::vector<Range> v6 = std::exchange(v6_, {});
  merge_ranges(v6);
  cover_each(v6, visit);
}

}  // namespace ipplan
