// run_column.h — per-record values that follow a pattern for long runs of records, stored once
// per run.
//
// Records arrive in order with dense ids from 0. Consecutive records nearly always share their
// domain, role and input (a list file is one run): a RunColumn keeps one (first id, value) pair
// per change. Their line numbers (or JSON path ids) nearly always go up by one from record to
// record: a SequenceColumn keeps one (first id, first value) pair per break in that sequence.
// Both: push is O(1), at is a binary search over the runs, and a million records that follow the
// pattern cost one entry.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace ipplan {

template <typename T>
class RunColumn {
 public:
  // The value of record `id`; ids must be pushed in increasing order, without gaps, except
  // that an id whose value equals the one before it may be left out (pushing it adds nothing).
  void push(std::uint32_t id, const T& value) {
    if (runs_.empty() || !(runs_.back().value == value)) runs_.push_back({id, value});
  }

  // The value of record `id`, which must have been pushed.
  const T& at(std::uint32_t id) const {
    const auto after = std::upper_bound(runs_.begin(), runs_.end(), id,
                                        [](std::uint32_t v, const Run& run) { return v < run.first; });
    return std::prev(after)->value;
  }

  std::size_t runs() const { return runs_.size(); }

 private:
  struct Run {
    std::uint32_t first;
    T value;
  };
  std::vector<Run> runs_;
};

class SequenceColumn {
 public:
  // The value of record `id`; ids must be pushed in increasing order, without gaps.
  void push(std::uint32_t id, std::uint32_t value) {
    if (runs_.empty() || runs_.back().value + (id - runs_.back().first) != value) {
      runs_.push_back({id, value});
    }
  }

  // The value of record `id`, which must have been pushed.
  std::uint32_t at(std::uint32_t id) const {
    const auto after = std::upper_bound(runs_.begin(), runs_.end(), id,
                                        [](std::uint32_t v, const Run& run) { return v < run.first; });
    const Run& run = *std::prev(after);
    return run.value + (id - run.first);
  }

  std::size_t runs() const { return runs_.size(); }

 private:
  struct Run {
    std::uint32_t first;
    std::uint32_t value;
  };
  std::vector<Run> runs_;
};

}  // namespace ipplan
