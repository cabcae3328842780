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

// IPv4 /20 blocks as bits: 2^20 of them, 128 KiB, which stays in the L2 cache.
constexpr int kBlockShift = 12;
constexpr std::uint64_t kBlockWords = (std::uint64_t{1} << (32 - kBlockShift)) / 64;

void set_blocks(std::vector<std::uint64_t>& bits, std::uint64_t begin, std::uint64_t end) {
  for (std::uint64_t block = begin; block < end;) {
    const std::uint64_t in_word = block % 64;
    const std::uint64_t count = std::min<std::uint64_t>(64 - in_word, end - block);
    const std::uint64_t ones = count == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << count) - 1);
    bits[block / 64] |= ones << in_word;
    block += count;
  }
}

// Whether every block of [first, last] is set.
bool all_blocks_set(const std::vector<std::uint64_t>& bits, std::uint32_t first,
                    std::uint32_t last) {
  for (std::uint64_t block = first >> kBlockShift; block <= (last >> kBlockShift); ++block) {
    if ((bits[block / 64] >> (block % 64) & 1) == 0) return false;
  }
  return true;
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
    collect_v4(range.first().v4_value(), range.last().v4_value());
  } else {
    v6_.push_back(range);
  }
}

void RangeCollector::collect_v4(std::uint32_t first, std::uint32_t last) {
  if (covered_.empty()) covered_.assign(kBlockWords, 0);
  // The blocks wholly inside the range: from the first block boundary at or after `first` to the
  // last one at or before last + 1.
  const std::uint64_t inner_begin = (std::uint64_t{first} + (1U << kBlockShift) - 1) >> kBlockShift;
  const std::uint64_t inner_end = (std::uint64_t{last} + 1) >> kBlockShift;
  if (inner_begin < inner_end) {
    set_blocks(covered_, inner_begin, inner_end);
    ++covering_ranges_;
  }
  if (covering_ranges_ != 0 && all_blocks_set(covered_, first, last)) return;
  v4_.push_back(v4_word(first, last));
}

void RangeCollector::keep(const RawRecord& record) { collect(record.range); }

void RangeCollector::keep_lines(std::span<const LineRecord> records) {
  if (covered_.empty()) covered_.assign(kBlockWords, 0);
  // Each IPv4 prefix is written to the next free slot and kept by moving the end past it,
  // unless its block is covered: no branch on that, which flips at random as coverage grows.
  std::size_t end = v4_.size();
  v4_.resize(end + records.size());
  std::uint64_t* const words = v4_.data();
  for (const LineRecord& line_record : records) {
    const Prefix& prefix = line_record.prefix;
    if (prefix.family() != Family::kV4) {
      v6_.push_back(Range(prefix));
      continue;
    }
    const std::uint32_t first = prefix.address().v4_value();
    const int length = prefix.length();
    const std::uint64_t block = first >> kBlockShift;
    if (length <= 32 - kBlockShift) {  // whole blocks: noted, and the prefix itself dropped
      set_blocks(covered_, block, block + (std::uint64_t{1} << (32 - kBlockShift - length)));
      ++covering_ranges_;
      continue;
    }
    const std::uint64_t covered = covered_[block / 64] >> (block % 64) & 1;
    words[end] = v4_word(first, first | static_cast<std::uint32_t>(0xffffffffULL >> length));
    end += covered ^ 1;
  }
  v4_.resize(end);
}

void RangeCollector::take_covered_blocks() {
  if (covering_ranges_ != 0) {
    // Ranges kept before the blocks around them were covered are dropped now; then every run of
    // covered blocks comes back as one range. The union is the same: each covered block lies
    // inside a range collected.
    std::size_t kept = 0;
    for (const std::uint64_t word : v4_) {
      const auto first = static_cast<std::uint32_t>(word >> 32);
      const auto last = static_cast<std::uint32_t>(word);
      if (!all_blocks_set(covered_, first, last)) v4_[kept++] = word;
    }
    v4_.resize(kept);
    const std::uint64_t blocks = kBlockWords * 64;
    for (std::uint64_t block = 0; block < blocks;) {
      const std::uint64_t word = covered_[block / 64] >> (block % 64);
      if (word == 0) {  // no covered block from here to the end of this word
        block += 64 - block % 64;
        continue;
      }
      block += static_cast<std::uint64_t>(std::countr_zero(word));
      std::uint64_t end = block;
      while (end < blocks && (covered_[end / 64] >> (end % 64) & 1) != 0) ++end;
      v4_.push_back(v4_word(static_cast<std::uint32_t>(block << kBlockShift),
                            static_cast<std::uint32_t>((end << kBlockShift) - 1)));
      block = end;
    }
  }
  covered_ = {};
  covering_ranges_ = 0;
}

std::vector<Prefix> RangeCollector::aggregate() {
  std::vector<Prefix> prefixes;
  aggregate_into([&prefixes](const Prefix& prefix) { prefixes.push_back(prefix); });
  return prefixes;
}

void RangeCollector::aggregate_into(PrefixVisitor visit) {
  take_covered_blocks();
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
