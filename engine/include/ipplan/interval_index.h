// interval_index.h — a static index of closed intervals answering "what overlaps [first, last]?".
//
// Entries are sorted by first address (the wider first on a tie). An interval overlaps the query
// [first, last] when it starts inside it — a contiguous run of the sorted array — or starts
// before `first` and reaches it. The run is found by one search for its start bound: an
// Eytzinger-ordered sample of every kBlock-th start (the hot top levels share cache lines, the
// next levels are prefetched) and a branch-free count inside one block. The intervals reaching
// `first` from the left are found by walking backwards over two links per entry, each skipping
// only entries that cannot overlap:
//   reaching_start  the nearest earlier entry whose last >= this entry's first: everything in
//                   between ends before this entry starts, hence before the query's `first`;
//   reaching_past   the nearest earlier entry whose last > this entry's last: everything in
//                   between ends no later than this one.
// A hit moves on by reaching_start, a miss by reaching_past. For prefixes (nested or disjoint)
// the walk is the chain of containing prefixes, so a query costs one search plus
// O(hits + nesting depth) steps; no query allocates.
//
// Keys are the family's natural width: std::uint32_t for IPv4 (small entries, fast compares) and
// uint128 for IPv6. Intervals are closed, so the top of the key space needs no "one past".
// Usage: add() every interval, build() once (O(n log n)), then query from any number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "ipplan/address.h"
#include "ipplan/huge_page_allocator.h"

namespace ipplan {

template <typename Key>
class IntervalIndex {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffU;

  struct Entry {
    Key first;
    Key last;
    std::uint32_t id;                      // the caller's identifier (e.g. a record index)
    std::uint32_t reaching_start = kNone;  // see the header comment; positions in entries()
    std::uint32_t reaching_past = kNone;
  };

  void reserve(std::size_t n) { entries_.reserve(n); }
  void add(Key first, Key last, std::uint32_t id) { entries_.push_back({first, last, id}); }

  // Sorts by first address (then the wider interval first), links the entries and samples the
  // starts for the search.
  void build() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      if (a.first != b.first) return a.first < b.first;
      if (a.last != b.last) return a.last > b.last;
      return a.id < b.id;
    });
    link_entries();
    sample_starts();
  }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // In build() order: by first address, wider first on a tie.
  std::span<const Entry> entries() const { return entries_; }

  // Calls visit(const Entry&) for every interval overlapping [first, last]; the visitor returns
  // false to stop early. Entries come in an unspecified order.
  template <typename Visitor>
  void for_each_overlap(Key first, Key last, Visitor&& visit) const {
    const std::size_t n = entries_.size();
    const std::size_t start = lower_bound(first);
    // Entries starting inside the query all overlap it.
    for (std::size_t i = start; i < n && entries_[i].first <= last; ++i) {
      if (!visit(entries_[i])) return;
    }
    // Entries starting before it overlap when they reach `first`.
    std::uint32_t i = start == 0 ? kNone : static_cast<std::uint32_t>(start - 1);
    while (i != kNone) {
      const Entry& e = entries_[i];
      if (e.last >= first) {
        if (!visit(e)) return;
        i = e.reaching_start;
      } else {
        i = e.reaching_past;
      }
    }
  }

  bool any_overlap(Key first, Key last) const {
    bool found = false;
    for_each_overlap(first, last, [&](const Entry&) {
      found = true;
      return false;
    });
    return found;
  }

 private:
  static constexpr std::size_t kBlock = 8;  // sorted entries per sampled start

  struct Sample {
    Key first;             // entries_[block * kBlock].first
    std::uint32_t block;
  };

  // The position of the first entry whose first >= key (size() when none).
  std::size_t lower_bound(Key key) const {
    const std::size_t m = samples_.size() - 1;  // samples_[0] is unused
    // Eytzinger descent: node k's children are 2k and 2k+1; the nodes a few levels down share a
    // cache line, fetched ahead.
    constexpr std::size_t kAhead = 64 / sizeof(Sample) > 1 ? 64 / sizeof(Sample) : 1;
    std::size_t k = 1;
    while (k <= m) {
      __builtin_prefetch(samples_.data() + std::min(k * kAhead, m));
      k = 2 * k + (samples_[k].first < key ? 1 : 0);
    }
    k >>= __builtin_ffsll(static_cast<long long>(~k));
    // Block b's first start is >= key, block b-1's is not: the bound lies in block b-1's tail.
    const std::size_t n = entries_.size();
    const std::size_t block = k == 0 ? m : samples_[k].block;
    if (block == 0) return 0;
    const std::size_t begin = (block - 1) * kBlock + 1;
    const std::size_t end = std::min(block * kBlock, n);
    std::size_t below = 0;
    for (std::size_t i = begin; i < end; ++i) below += entries_[i].first < key ? 1 : 0;
    return begin + below;
  }

  void link_entries() {
    // `open` holds the positions no later entry reaches past, their lasts strictly decreasing.
    std::vector<std::uint32_t> open;
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
      Entry& e = entries_[i];
      // The nearest earlier entry reaching e.first has no later entry reaching as far: it is in
      // `open`, the last one there whose last >= e.first.
      const auto reach = std::partition_point(open.begin(), open.end(), [&](std::uint32_t j) {
        return entries_[j].last >= e.first;
      });
      e.reaching_start = reach == open.begin() ? kNone : *(reach - 1);
      while (!open.empty() && entries_[open.back()].last <= e.last) open.pop_back();
      e.reaching_past = open.empty() ? kNone : open.back();
      open.push_back(i);
    }
  }

  void sample_starts() {
    const std::size_t blocks = (entries_.size() + kBlock - 1) / kBlock;
    samples_.assign(blocks + 1, Sample{});
    std::size_t next_block = 0;
    fill_eytzinger(1, next_block);
  }
  // In-order over the implicit tree hands out the blocks in ascending order.
  void fill_eytzinger(std::size_t k, std::size_t& next_block) {
    // Iterative in-order walk: depth is only log2(blocks), but keep it off the call stack.
    std::vector<std::size_t> stack;
    const std::size_t m = samples_.size() - 1;
    while (k <= m || !stack.empty()) {
      while (k <= m) {
        stack.push_back(k);
        k *= 2;
      }
      k = stack.back();
      stack.pop_back();
      samples_[k] = {entries_[next_block * kBlock].first, static_cast<std::uint32_t>(next_block)};
      ++next_block;
      k = 2 * k + 1;
    }
  }

  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  std::vector<Sample, HugePageAllocator<Sample>> samples_ = {Sample{}};
};

}  // namespace ipplan
