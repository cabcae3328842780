// progress_counter.h — a count that long-running work publishes for an observer on another
// thread (a progress line on a terminal).
//
// add() is a plain increment on the worker's side; every 64Ki units it stores the total into an
// atomic with relaxed ordering, so the hot loop pays no locked instruction. published() may lag
// by up to 64Ki units. Only one thread may call add().
#pragma once

#include <atomic>
#include <cstdint>

namespace ipplan {

class ProgressCounter {
 public:
  void add(std::uint64_t n = 1) {
    const std::uint64_t before = local_;
    local_ += n;
    if (((before ^ local_) >> 16) != 0) published_.store(local_, std::memory_order_relaxed);
  }
  std::uint64_t published() const { return published_.load(std::memory_order_relaxed); }

 private:
  std::uint64_t local_ = 0;
  std::atomic<std::uint64_t> published_{0};
};

}  // namespace ipplan
