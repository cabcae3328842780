// interval_index.h — a static index of closed intervals answering "what overlaps [first, last]?".
//
// Entries are sorted by first address (the wider first on a tie). An interval overlaps the query
// [first, last] when it starts inside it — a contiguous run of the sorted array — or starts
// before `first` and reaches it. The run begins at `start`, the first entry whose first >= the
// query's first, found in a static B+ tree over the starts:
//   leaves  kLeafWidth consecutive entries each (8 for IPv4 in one cache line, 4 for IPv6 in
//           two): their firsts and, for each, the largest last of all entries before it
//           ("max_before");
//   inner   levels of kNodeWidth keys a node (16 for IPv4 in one line, 8 for IPv6 in two), each
//           key the largest first under one child. A node's child is found by counting its keys
//           below the query, without branches (SSE2 for IPv4). For 1M IPv4 entries the inner
//           levels take about 530 KB and stay in the caches; for IPv6 about 4.5 MB.
// From the leaf alone: the run is non-empty when first[start] <= the query's last, and some
// earlier entry reaches the query when max_before[start] >= its first — so any_overlap costs the
// inner levels and one leaf line and never reads an entry. for_each_overlap counts over the
// leaf's entries instead of the leaf (it reads them next anyway). The intervals reaching `first`
// from the left are found by walking backwards over two links per entry, each skipping only
// entries that cannot overlap:
//   reaching_start  the nearest earlier entry whose last >= this entry's first: everything in
//                   between ends before this entry starts, hence before the query's `first`;
//   reaching_past   the nearest earlier entry whose last > this entry's last: everything in
//                   between ends no later than this one.
// A hit moves on by reaching_start, a miss by reaching_past. For prefixes (nested or disjoint)
// the walk is the chain of containing prefixes, so a query costs one search plus
// O(hits + nesting depth) steps; no query allocates.
//
// On an index larger than the caches a single query is a chain of dependent cache misses (leaf,
// then one per walk step), and memory latency, not instructions, bounds it. The batch calls
// (for_each_overlap_batch, any_overlap_batch) overlap the misses of many queries instead: a
// software pipeline takes kGroup queries down the tree a level at a time while the previous
// group reads its prefetched leaves and the one before visits its prefetched entries; what is
// left (runs longer than a leaf, backward walks) goes to a bounded set of tasks that each take
// one prefetched step a round. Same answers as the single-query calls, several times faster;
// the limit is then how many misses the core keeps in flight, so it is the lines a query
// touches (1 for IPv4 any_overlap; leaf + visited entries + walk steps for for_each) that cost.
// The batch calls do not allocate either: their pipeline state lives on the stack (about 10 KB
// for IPv4, 20 KB for IPv6).
//
// Keys are the family's natural width: std::uint32_t for IPv4 (small entries, fast compares) and
// uint128 for IPv6. Intervals are closed, so the top of the key space needs no "one past".
// Memory: the entries (20 bytes for IPv4, 48 for IPv6) plus the leaves (8 or 32 bytes an entry)
// plus the inner levels (about 1/15 or 1/7 of the leaves).
// Usage: add() every interval, build() once (O(n log n)), then query from any number of threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <new>
#include <span>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ipplan/address.h"
#include "ipplan/huge_page_allocator.h"

namespace ipplan {

// Cache-line-aligned arrays: huge-page-advised when large (HugePageAllocator aligns those to
// 2 MiB), aligned operator new otherwise — a node must not straddle an extra line.
template <typename T>
class CacheLineAllocator {
 public:
  using value_type = T;
  static constexpr std::size_t kLine = 64;

  CacheLineAllocator() = default;
  template <typename U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}  // NOLINT: rebinding is implicit

  T* allocate(std::size_t n) {
    if (n * sizeof(T) >= kLarge) return HugePageAllocator<T>().allocate(n);
    return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{kLine}));
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) >= kLarge) {
      HugePageAllocator<T>().deallocate(p, n);
    } else {
      ::operator delete(p, std::align_val_t{kLine});
    }
  }
  template <typename U>
  bool operator==(const CacheLineAllocator<U>&) const {
    return true;
  }

 private:
  static constexpr std::size_t kLarge = std::size_t{2} << 20;
};

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

  struct Query {
    Key first;
    Key last;
  };

  // Queries a batch call takes through the tree together: enough cache misses in flight to
  // cover memory latency, few enough that a group's nodes stay in L1.
  static constexpr std::size_t kGroup = 64;

  void reserve(std::size_t n) { entries_.reserve(n); }
  void add(Key first, Key last, std::uint32_t id) { entries_.push_back({first, last, id}); }

  // Sorts by first address (then the wider interval first), links the entries and builds the
  // search tree over their starts.
  void build() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      if (a.first != b.first) return a.first < b.first;
      if (a.last != b.last) return a.last > b.last;
      return a.id < b.id;
    });
    link_entries();
    build_tree();
  }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // In build() order: by first address, wider first on a tie.
  std::span<const Entry> entries() const { return entries_; }

  // Calls visit(const Entry&) for every interval overlapping [first, last]; the visitor returns
  // false to stop early. Entries come in an unspecified order.
  template <typename Visitor>
  void for_each_overlap(Key first, Key last, Visitor&& visit) const {
    if (entries_.empty()) return;
    const std::size_t n = entries_.size();
    const Probe p = start_in_entries(first);
    // Entries starting inside the query all overlap it.
    for (std::size_t i = p.start; i < n && entries_[i].first <= last; ++i) {
      if (!visit(entries_[i])) return;
    }
    if (!p.backward) return;
    // Entries starting before it overlap when they reach `first`.
    std::uint32_t i = static_cast<std::uint32_t>(p.start - 1);
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

  // Whether any interval overlaps [first, last]: one tree search, no entry is read.
  bool any_overlap(Key first, Key last) const {
    if (entries_.empty()) return false;
    const Probe p = probe(first, last);
    return p.forward || p.backward;
  }

  // for_each_overlap for every query: calls visit(std::size_t query, const Entry& entry), query
  // being the position in `queries`, for exactly the pairs the single-query calls would visit.
  // Returning false stops that query only. Visits of different queries interleave; within one
  // query the order is unspecified.
  template <typename Visitor>
  void for_each_overlap_batch(std::span<const Query> queries, Visitor&& visit) const {
    if (entries_.empty()) return;
    const std::size_t n = entries_.size();
    const std::size_t groups = (queries.size() + kGroup - 1) / kGroup;
    // A software pipeline over the groups: in round r, group r goes down the tree (prefetching
    // its leaves), group r-1 reads its leaves (prefetching the entries each query reads first),
    // group r-2 visits those entries and leaves whatever remains — a run longer than its
    // leaf, a backward walk — to `tasks`, and every task takes one step (prefetching the next).
    // Each prefetch has a whole round to arrive.
    std::array<std::array<std::size_t, kGroup>, 3> start;   // the leaf, then the start
    std::array<std::array<std::size_t, kGroup>, 3> window;  // the end of the prefetched run
    std::array<std::array<std::uint8_t, kGroup>, 3> flags;  // kForward | kBackward
    TaskRing tasks;
    for (std::size_t round = 0; round < groups + 2; ++round) {
      if (round < groups) {
        const std::size_t begin = round * kGroup;
        descend_group(queries.data() + begin, std::min(kGroup, queries.size() - begin),
                      start[round % 3].data());
      }
      if (round >= 1 && round - 1 < groups) {
        const std::size_t g = round - 1;
        const std::size_t begin = g * kGroup;
        const std::size_t count = std::min(kGroup, queries.size() - begin);
        std::size_t* at = start[g % 3].data();
        std::size_t* end = window[g % 3].data();
        std::uint8_t* how = flags[g % 3].data();
        for (std::size_t q = 0; q < count; ++q) {
          const Key first = queries[begin + q].first;
          const Key last = queries[begin + q].last;
          if (first > max_first_) {
            at[q] = n;
            end[q] = n;
            how[q] = max_last_ >= first ? kBackward : 0;
          } else {
            const std::size_t leaf_index = at[q];
            const Leaf& leaf = leaves_[leaf_index];
            const std::size_t slot = count_below<kLeafWidth>(leaf.first, first);
            at[q] = leaf_index * kLeafWidth + slot;
            const bool forward = leaf.first[slot] <= last;
            const bool backward = at[q] != 0 && leaf.max_before[slot] >= first;
            how[q] = static_cast<std::uint8_t>((forward ? kForward : 0) | (backward ? kBackward : 0));
            // The entries read first: the run's part in this leaf (and one more, which tells
            // whether it goes on) and the one before the start, where the walk begins.
            const std::size_t in_leaf = kLeafWidth - count_above<kLeafWidth>(leaf.first, last);
            end[q] = std::min(n, leaf_index * kLeafWidth + in_leaf + 1);
            if (forward) prefetch_entries(at[q], end[q]);
            if (backward) __builtin_prefetch(&entries_[at[q] - 1]);
          }
        }
      }
      if (round >= 2) {
        const std::size_t g = round - 2;
        const std::size_t begin = g * kGroup;
        const std::size_t count = std::min(kGroup, queries.size() - begin);
        const std::size_t* at = start[g % 3].data();
        const std::size_t* end = window[g % 3].data();
        const std::uint8_t* how = flags[g % 3].data();
        // Room for this group's tasks: the older ones step until they fit.
        while (tasks.size > TaskRing::kCapacity - count) tasks.step(*this, visit);
        for (std::size_t q = 0; q < count; ++q) {
          const Key first = queries[begin + q].first;
          const Key last = queries[begin + q].last;
          const std::uint32_t walk_from =
              (how[q] & kBackward) ? static_cast<std::uint32_t>(at[q] - 1) : kNone;
          if (how[q] & kForward) {
            std::size_t i = at[q];
            bool stopped = false;
            for (; i < end[q] && entries_[i].first <= last; ++i) {
              if (!visit(begin + q, entries_[i])) {
                stopped = true;
                break;
              }
            }
            if (stopped) continue;
            if (i == end[q] && i < n) {  // the run goes on past what was prefetched
              tasks.add_run(begin + q, first, last, i, walk_from);
              prefetch_entries(i, std::min(n, i + kRunStep));
              continue;
            }
          }
          if (walk_from != kNone) tasks.add_walk(begin + q, first, walk_from);
        }
      }
      if (tasks.size != 0) tasks.step(*this, visit);
    }
    while (tasks.size != 0) tasks.step(*this, visit);
  }

  // any_overlap for every query: found[i] = 1 when some interval overlaps queries[i], else 0.
  // found must hold at least queries.size() bytes.
  void any_overlap_batch(std::span<const Query> queries, std::span<std::uint8_t> found) const {
    if (entries_.empty()) {
      std::fill_n(found.begin(), queries.size(), std::uint8_t{0});
      return;
    }
    const std::size_t groups = (queries.size() + kGroup - 1) / kGroup;
    // Group r goes down the tree while group r-1 reads the leaves prefetched a round earlier.
    std::array<std::array<std::size_t, kGroup>, 2> leaf_of;
    for (std::size_t round = 0; round < groups + 1; ++round) {
      if (round < groups) {
        const std::size_t begin = round * kGroup;
        descend_group(queries.data() + begin, std::min(kGroup, queries.size() - begin),
                      leaf_of[round % 2].data());
      }
      if (round >= 1) {
        const std::size_t g = round - 1;
        const std::size_t begin = g * kGroup;
        const std::size_t count = std::min(kGroup, queries.size() - begin);
        const std::size_t* leaf_index = leaf_of[g % 2].data();
        for (std::size_t q = 0; q < count; ++q) {
          const Key first = queries[begin + q].first;
          // Past every start only the earlier entries can reach the query.
          bool hit = max_last_ >= first;
          if (first <= max_first_) {
            const Probe p = leaf_probe(leaf_index[q], first, queries[begin + q].last);
            hit = p.forward || p.backward;
          }
          found[begin + q] = hit ? 1 : 0;
        }
      }
    }
  }

 private:
  // Entries per leaf and keys per inner node: one cache line for IPv4, two for IPv6 (uint128
  // keys; a single line would make the IPv6 tree twice as deep).
  static constexpr std::size_t kLeafWidth = sizeof(Key) <= 4 ? 8 : 4;
  static constexpr std::size_t kNodeWidth = sizeof(Key) <= 4 ? 16 : 8;
  static constexpr Key kMaxKey = static_cast<Key>(~Key{0});

  struct alignas(64) Leaf {
    Key first[kLeafWidth];       // the entries' firsts; kMaxKey past the last entry
    Key max_before[kLeafWidth];  // the largest last of the entries before each (0 for entry 0)
  };
  struct alignas(64) Node {
    Key key[kNodeWidth];  // the largest first under each child; kMaxKey past the last child
  };

  static constexpr std::uint8_t kForward = 1;   // the query's run is non-empty
  static constexpr std::uint8_t kBackward = 2;  // an entry before the run reaches the query

  // Entries a batched run visits per step: about four cache lines.
  static constexpr std::size_t kRunStep = 256 / sizeof(Entry) == 0 ? 1 : 256 / sizeof(Entry);

  // What remains of a batch's queries after their first entries: runs longer than a leaf and
  // backward walks, each stepped once a round so that the entries it reads next were
  // prefetched a round before. Unordered: a finished task's place goes to the last one.
  struct TaskRing {
    static constexpr std::size_t kCapacity = 4 * kGroup;
    std::array<std::size_t, kCapacity> query;  // the position in the batch
    std::array<Key, kCapacity> first;          // the query
    std::array<Key, kCapacity> last;
    std::array<std::uint32_t, kCapacity> at;         // the entry to read next
    std::array<std::uint32_t, kCapacity> walk_from;  // a run's walk, kNone when it has none
    std::array<std::uint8_t, kCapacity> running;     // 1: in the run, 0: in the walk
    std::size_t size = 0;

    void add_run(std::size_t q, Key query_first, Key query_last, std::size_t entry,
                 std::uint32_t then_walk_from) {
      query[size] = q;
      first[size] = query_first;
      last[size] = query_last;
      at[size] = static_cast<std::uint32_t>(entry);
      walk_from[size] = then_walk_from;
      running[size] = 1;
      ++size;
    }
    void add_walk(std::size_t q, Key query_first, std::uint32_t entry) {
      query[size] = q;
      first[size] = query_first;
      at[size] = entry;
      running[size] = 0;
      ++size;
    }

    template <typename Visitor>
    void step(const IntervalIndex& index, Visitor& visit) {
      const Entry* entries = index.entries_.data();
      const std::size_t n = index.entries_.size();
      std::size_t t = 0;
      while (t < size) {
        std::uint32_t next = kNone;
        if (running[t]) {
          // Up to kRunStep entries of the run, then the next ones are prefetched.
          std::size_t i = at[t];
          const std::size_t stop = std::min(n, i + kRunStep);
          bool stopped = false;
          for (; i < stop && entries[i].first <= last[t]; ++i) {
            if (!visit(query[t], entries[i])) {
              stopped = true;
              break;
            }
          }
          if (!stopped) {
            if (i == stop && i < n) {
              index.prefetch_entries(i, std::min(n, i + kRunStep));
              next = static_cast<std::uint32_t>(i);
            } else if (walk_from[t] != kNone) {  // the run is over; the walk begins
              running[t] = 0;
              next = walk_from[t];
              __builtin_prefetch(&entries[next]);
            }
          }
        } else {
          const Entry& e = entries[at[t]];
          if (e.last >= first[t]) {
            next = visit(query[t], e) ? e.reaching_start : kNone;
          } else {
            next = e.reaching_past;
          }
          if (next != kNone) __builtin_prefetch(&entries[next]);
        }
        if (next != kNone) {
          at[t] = next;
          ++t;
        } else {
          --size;
          query[t] = query[size];
          first[t] = first[size];
          last[t] = last[size];
          at[t] = at[size];
          walk_from[t] = walk_from[size];
          running[t] = running[size];
          // The moved task has not stepped yet this round: t stays.
        }
      }
    }
  };

  // Where the query's run starts, whether it is non-empty, and whether an earlier entry
  // reaches the query's first.
  struct Probe {
    std::size_t start;
    bool forward;
    bool backward;
  };

  // How many of kWidth keys are below `key` (kAbove: above it), without branches. IPv4 keys go
  // four to an SSE2 register (baseline on x86-64): a signed compare after flipping the top bits,
  // each match adding -1 to a lane; the compiler's own vectorisation widens to 64 bits and takes
  // twice the instructions, which the batch calls notice.
  template <std::size_t kWidth, bool kAbove = false>
  static std::size_t count_beside(const Key* keys, Key key) {
#if defined(__SSE2__)
    if constexpr (sizeof(Key) == 4 && kWidth % 4 == 0) {
      const __m128i flip = _mm_set1_epi32(static_cast<int>(0x80000000U));
      const __m128i probe = _mm_xor_si128(_mm_set1_epi32(static_cast<int>(key)), flip);
      __m128i matches = _mm_setzero_si128();
      for (std::size_t i = 0; i < kWidth; i += 4) {
        const __m128i four = _mm_xor_si128(
            _mm_load_si128(reinterpret_cast<const __m128i*>(keys + i)), flip);
        matches = _mm_sub_epi32(matches, kAbove ? _mm_cmpgt_epi32(four, probe)
                                                : _mm_cmpgt_epi32(probe, four));
      }
      return sum_lanes(matches);
    }
#endif
    std::size_t count = 0;
    for (std::size_t i = 0; i < kWidth; ++i) {
      count += (kAbove ? keys[i] > key : keys[i] < key) ? 1 : 0;
    }
    return count;
  }
  template <std::size_t kWidth>
  static std::size_t count_below(const Key* keys, Key key) {
    return count_beside<kWidth>(keys, key);
  }
  template <std::size_t kWidth>
  static std::size_t count_above(const Key* keys, Key key) {
    return count_beside<kWidth, true>(keys, key);
  }

#if defined(__SSE2__)
  static std::size_t sum_lanes(__m128i lanes) {
    lanes = _mm_add_epi32(lanes, _mm_shuffle_epi32(lanes, 0x4e));  // + the other half
    lanes = _mm_add_epi32(lanes, _mm_shuffle_epi32(lanes, 0xb1));  // + the neighbour
    return static_cast<std::size_t>(_mm_cvtsi128_si32(lanes));
  }
#endif

  static void prefetch_lines(const void* p, std::size_t bytes) {
    for (std::size_t offset = 0; offset < bytes; offset += 64) {
      __builtin_prefetch(static_cast<const char*>(p) + offset);
    }
  }

  // The leaf whose entries hold the start of a query with this first (<= max_first_).
  std::size_t descend(Key key) const {
    std::size_t node = 0;
    for (std::size_t level = 0; level < depth_; ++level) {
      const Node& at = nodes_[level_begin_[level] + node];
      node = node * kNodeWidth + count_below<kNodeWidth>(at.key, key);
    }
    return node;
  }

  // Requires a non-empty index.
  Probe probe(Key first, Key last) const {
    if (first > max_first_) return {entries_.size(), false, max_last_ >= first};
    return leaf_probe(descend(first), first, last);
  }

  // probe() for a visiting query: the start is counted over the leaf's entries rather than the
  // leaf's firsts, as the visitor reads those entries next anyway; the leaf line, fetched
  // alongside rather than after them, still tells whether a walk is needed (`forward` is left
  // to the caller's run). The entry before the leaf, where a walk may begin, comes too.
  Probe start_in_entries(Key key) const {
    const std::size_t n = entries_.size();
    if (key > max_first_) return {n, false, max_last_ >= key};
    const std::size_t leaf_index = descend(key);
    const Leaf& leaf = leaves_[leaf_index];
    prefetch_lines(&leaf, sizeof(Leaf));
    const std::size_t begin = leaf_index * kLeafWidth;
    const std::size_t end = std::min(n, begin + kLeafWidth);
    if (begin != 0) __builtin_prefetch(&entries_[begin - 1]);
    std::size_t below = 0;
    for (std::size_t i = begin; i < end; ++i) below += entries_[i].first < key ? 1 : 0;
    const std::size_t start = begin + below;
    return {start, true, start != 0 && leaf.max_before[below] >= key};
  }

  // Once a search reached its leaf (first <= max_first_, so the leaf holds the start).
  Probe leaf_probe(std::size_t leaf_index, Key first, Key last) const {
    const Leaf& leaf = leaves_[leaf_index];
    const std::size_t slot = count_below<kLeafWidth>(leaf.first, first);
    const std::size_t start = leaf_index * kLeafWidth + slot;
    return {start, leaf.first[slot] <= last, start != 0 && leaf.max_before[slot] >= first};
  }

  // The leaf each of `count` (<= kGroup) queries' search ends in, taking the group down the
  // tree one level at a time and prefetching each query's next node. A query past every start
  // descends towards the last one (its caller answers it without the leaf).
  void descend_group(const Query* queries, std::size_t count, std::size_t* leaf_of) const {
    std::array<Key, kGroup> key;
    for (std::size_t q = 0; q < count; ++q) {
      key[q] = std::min(queries[q].first, max_first_);
      leaf_of[q] = 0;
    }
    for (std::size_t level = 0; level < depth_; ++level) {
      const Node* row = nodes_.data() + level_begin_[level];
      const bool to_leaves = level + 1 == depth_;
      for (std::size_t q = 0; q < count; ++q) {
        const std::size_t node = leaf_of[q];
        const std::size_t child = node * kNodeWidth + count_below<kNodeWidth>(row[node].key, key[q]);
        leaf_of[q] = child;
        if (to_leaves) {
          prefetch_lines(&leaves_[child], sizeof(Leaf));
        } else {
          prefetch_lines(&nodes_[level_begin_[level + 1] + child], sizeof(Node));
        }
      }
    }
  }

  // Prefetches the cache lines holding entries [begin, end).
  void prefetch_entries(std::size_t begin, std::size_t end) const {
    const auto from = reinterpret_cast<std::uintptr_t>(entries_.data() + begin) & ~std::uintptr_t{63};
    const auto to = reinterpret_cast<std::uintptr_t>(entries_.data() + end);
    for (std::uintptr_t line = from; line < to; line += 64) {
      __builtin_prefetch(reinterpret_cast<const void*>(line));
    }
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

  void build_tree() {
    leaves_.clear();
    nodes_.clear();
    depth_ = 0;
    const std::size_t n = entries_.size();
    if (n == 0) return;
    max_first_ = entries_[n - 1].first;
    const std::size_t leaf_count = (n + kLeafWidth - 1) / kLeafWidth;
    leaves_.resize(leaf_count);
    // Each leaf's routing key: its largest first.
    std::vector<Key> keys(leaf_count);
    Key reached = 0;
    for (std::size_t j = 0; j < leaf_count; ++j) {
      Leaf& leaf = leaves_[j];
      for (std::size_t slot = 0; slot < kLeafWidth; ++slot) {
        const std::size_t i = j * kLeafWidth + slot;
        if (i < n) {
          leaf.first[slot] = entries_[i].first;
          leaf.max_before[slot] = reached;
          reached = std::max(reached, entries_[i].last);
        } else {
          leaf.first[slot] = kMaxKey;
          leaf.max_before[slot] = reached;
        }
      }
      keys[j] = entries_[std::min(n, (j + 1) * kLeafWidth) - 1].first;
    }
    max_last_ = reached;
    // Inner levels bottom-up while more than one child remains; stored top-down.
    std::vector<std::vector<Node>> levels;
    while (keys.size() > 1) {
      const std::size_t node_count = (keys.size() + kNodeWidth - 1) / kNodeWidth;
      std::vector<Node> level(node_count);
      std::vector<Key> above(node_count);
      for (std::size_t k = 0; k < node_count; ++k) {
        for (std::size_t slot = 0; slot < kNodeWidth; ++slot) {
          const std::size_t i = k * kNodeWidth + slot;
          level[k].key[slot] = i < keys.size() ? keys[i] : kMaxKey;
        }
        above[k] = keys[std::min(keys.size(), (k + 1) * kNodeWidth) - 1];
      }
      levels.push_back(std::move(level));
      keys = std::move(above);
    }
    depth_ = levels.size();
    std::size_t total = 0;
    for (std::size_t level = 0; level < depth_; ++level) {
      level_begin_[level] = total;
      total += levels[depth_ - 1 - level].size();
    }
    nodes_.reserve(total);
    for (std::size_t level = depth_; level-- > 0;) {
      nodes_.insert(nodes_.end(), levels[level].begin(), levels[level].end());
    }
  }

  // Inner levels: 2^32 entries need at most 10 (IPv6: 2^30 leaves, 8 children a node).
  static constexpr std::size_t kMaxDepth = 16;

  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  std::vector<Leaf, CacheLineAllocator<Leaf>> leaves_;
  std::vector<Node, CacheLineAllocator<Node>> nodes_;  // the inner levels, root first
  std::array<std::size_t, kMaxDepth> level_begin_{};  // each level's first node in nodes_
  std::size_t depth_ = 0;
  Key max_first_ = 0;  // the largest first and last of all entries
  Key max_last_ = 0;
};

}  // namespace ipplan
