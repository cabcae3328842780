// interval_index.h — a static index of closed intervals answering "what overlaps [first, last]?".
//
// The shape of cgranges' implicit interval tree: entries sorted by first address in one array,
// with each entry also holding the largest `last` of the implicit binary-tree subtree it roots
// (node i sits at level = trailing one bits of i). Build is a sort plus one linear pass; a query
// walks O(log n + hits) entries with a fixed-size stack and allocates nothing. Keys are the
// family's natural width: std::uint32_t for IPv4 (small entries, fast compares) and uint128 for
// IPv6, so IPv4 pays nothing for IPv6's width.
//
// Intervals are closed [first, last], so the top of the address space needs no "one past".
// Usage: add() every interval, build() once, then query from any number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ipplan/address.h"

namespace ipplan {

template <typename Key>
class IntervalIndex {
 public:
  struct Entry {
    Key first;
    Key last;
    Key subtree_max_last;  // the largest `last` in the implicit subtree rooted here
    std::uint32_t id;      // the caller's identifier (e.g. a record index)
  };

  void reserve(std::size_t n) { entries_.reserve(n); }
  void add(Key first, Key last, std::uint32_t id) { entries_.push_back({first, last, last, id}); }

  // Sorts by first address (then the wider interval first) and computes the subtree maxima.
  void build() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      if (a.first != b.first) return a.first < b.first;
      if (a.last != b.last) return a.last > b.last;
      return a.id < b.id;
    });
    compute_subtree_maxima();
  }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // In build() order: by first address, wider first on a tie.
  const std::vector<Entry>& entries() const { return entries_; }

  // Calls visit(const Entry&) for every interval overlapping [first, last]; the visitor returns
  // false to stop early. Entries come in an unspecified order.
  template <typename Visitor>
  void for_each_overlap(Key first, Key last, Visitor&& visit) const {
    const std::size_t n = entries_.size();
    if (n == 0) return;
    struct Frame {
      std::size_t node;
      int level;
      bool left_done;
    };
    Frame stack[64];
    int top = 0;
    stack[top++] = {(std::size_t{1} << levels_) - 1, levels_, false};
    while (top > 0) {
      const Frame frame = stack[--top];
      if (frame.level <= kLinearScanLevel) {
        // A small subtree: its nodes are a contiguous slice of the array; scan it.
        const std::size_t begin = frame.node >> frame.level << frame.level;
        const std::size_t end = std::min(n, begin + (std::size_t{1} << (frame.level + 1)) - 1);
        for (std::size_t i = begin; i < end && entries_[i].first <= last; ++i) {
          if (first <= entries_[i].last && !visit(entries_[i])) return;
        }
      } else if (!frame.left_done) {
        stack[top++] = {frame.node, frame.level, true};
        const std::size_t left = frame.node - (std::size_t{1} << (frame.level - 1));
        if (left >= n || entries_[left].subtree_max_last >= first) {
          stack[top++] = {left, frame.level - 1, false};
        }
      } else if (frame.node < n && entries_[frame.node].first <= last) {
        if (first <= entries_[frame.node].last && !visit(entries_[frame.node])) return;
        stack[top++] = {frame.node + (std::size_t{1} << (frame.level - 1)), frame.level - 1, false};
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
  static constexpr int kLinearScanLevel = 3;

  void compute_subtree_maxima() {
    const std::size_t n = entries_.size();
    levels_ = 0;
    if (n == 0) return;
    // Leaves (even indices) hold their own last. Each higher level combines a node's own last
    // with its children's maxima; a right child beyond the array stands for the partial subtree
    // at the array's end, whose maximum is carried in `tail_max`.
    std::size_t tail_index = 0;
    Key tail_max{};
    for (std::size_t i = 0; i < n; i += 2) {
      entries_[i].subtree_max_last = entries_[i].last;
      tail_index = i;
      tail_max = entries_[i].last;
    }
    int level = 1;
    for (; (std::size_t{1} << level) <= n; ++level) {
      const std::size_t half = std::size_t{1} << (level - 1);
      const std::size_t start = (half << 1) - 1;
      const std::size_t step = half << 2;
      for (std::size_t i = start; i < n; i += step) {
        const Key left = entries_[i - half].subtree_max_last;
        const Key right = i + half < n ? entries_[i + half].subtree_max_last : tail_max;
        entries_[i].subtree_max_last = std::max({entries_[i].last, left, right});
      }
      // Move the tail marker to its parent at this level.
      tail_index = ((tail_index >> level) & 1) != 0 ? tail_index - half : tail_index + half;
      if (tail_index < n && entries_[tail_index].subtree_max_last > tail_max) {
        tail_max = entries_[tail_index].subtree_max_last;
      }
    }
    levels_ = level - 1;
  }

  std::vector<Entry> entries_;
  int levels_ = 0;
};

}  // namespace ipplan
