// allocation.cc — free space and block suggestions over a frozen union of all records.
#include "ipplan/allocation.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <span>

#include "ipplan/aggregate.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

Address at(Family family, uint128 value) {
  return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value))
                               : Address::v6(value);
}

// Two sorted lists of disjoint used ranges (the frozen union's slice and the excludes), read
// as one sequence in address order, ascending or descending. They may overlap each other.
class UsedCursor {
 public:
  UsedCursor(std::span<const Range> a, std::span<const Range> b, bool descending)
      : a_(a), b_(b), descending_(descending) {}

  std::optional<Range> next() {
    const bool has_a = ia_ < a_.size();
    const bool has_b = ib_ < b_.size();
    if (!has_a && !has_b) return std::nullopt;
    const Range& ra = has_a ? at_a() : Range();
    const Range& rb = has_b ? at_b() : Range();
    bool take_a = has_a && (!has_b || (descending_ ? ra.last() >= rb.last()
                                                   : ra.first() <= rb.first()));
    if (take_a) {
      ++ia_;
      return ra;
    }
    ++ib_;
    return rb;
  }

 private:
  const Range& at_a() const { return descending_ ? a_[a_.size() - 1 - ia_] : a_[ia_]; }
  const Range& at_b() const { return descending_ ? b_[b_.size() - 1 - ib_] : b_[ib_]; }

  std::span<const Range> a_;
  std::span<const Range> b_;
  bool descending_;
  std::size_t ia_ = 0;
  std::size_t ib_ = 0;
};

// Visits the free ranges of `pool` (pool minus the used ranges) in ascending or descending
// order; the visitor returns false to stop.
template <typename Visitor>
void for_each_free_range(const Range& pool, UsedCursor used, bool descending, Visitor&& visit) {
  const Family f = pool.family();
  uint128 low = pool.first().value();
  uint128 high = pool.last().value();
  // [low, high] is what is still unvisited and may hold free space.
  while (low <= high) {
    const std::optional<Range> u = used.next();
    if (!u) {
      visit(*Range::make(at(f, low), at(f, high)));
      return;
    }
    const uint128 first = std::max(u->first().value(), low);
    const uint128 last = std::min(u->last().value(), high);
    if (first > last) continue;  // outside what is left
    if (!descending) {
      if (first > low && !visit(*Range::make(at(f, low), at(f, first - 1)))) return;
      if (last == high) return;
      low = last + 1;
    } else {
      if (last < high && !visit(*Range::make(at(f, last + 1), at(f, high)))) return;
      if (first == low) return;
      high = first - 1;
    }
  }
}

// The blocks of `length` inside `hole` (an aligned prefix), lowest or highest first.
template <typename Visitor>
bool for_each_block(const Prefix& hole, int length, bool descending, Visitor&& visit) {
  if (hole.length() > length) return true;  // too small
  if (!descending) {
    bool go_on = true;
    for_each_subblock(hole, length, [&](const Prefix& block) { return go_on = visit(block); });
    return go_on;
  }
  Address cursor = hole.last();
  while (true) {
    const Prefix block = Prefix::containing(cursor, length);
    if (!visit(block)) return false;
    if (block.first() == hole.first()) return true;
    cursor = block.first().prev();
  }
}

// The aligned blocks of `length` inside [first, last] of family `f`, lowest first: the same
// blocks, in the same order, as the sub-blocks of its minimal cover, without computing the cover
// (first-fit's hot loop). Returns false when the visitor stopped.
template <typename Visitor>
bool for_each_aligned_block(Family f, uint128 first, uint128 last, int length, Visitor&& visit) {
  const uint128 mask = hostmask_bits(f, length);  // block size - 1
  const uint128 aligned = first & ~mask;
  if (aligned != first && aligned + mask == Address::all_ones(f)) return true;  // top block
  uint128 cursor = aligned == first ? first : aligned + mask + 1;
  while (cursor <= last && last - cursor >= mask) {
    if (!visit(Prefix::containing(at(f, cursor), length))) return false;
    if (last - cursor == mask) break;  // the block ends the range (maybe the family's top)
    cursor += mask + 1;
  }
  return true;
}
template <typename Visitor>
bool for_each_aligned_block(const Range& free, int length, Visitor&& visit) {
  return for_each_aligned_block(free.family(), free.first().value(), free.last().value(), length,
                                visit);
}

// The shortest prefix length of an aligned block inside [first, last] (a non-empty range of
// `family`). A range of size >= 2^e holds an aligned block of 2^(e-1), so with e = floor(log2
// size) the answer is e or e - 1: one test decides.
std::uint8_t widest_block_length(Family family, uint128 first, uint128 last) {
  const uint128 size = last - first + 1;
  if (size == 0) return 0;  // the whole IPv6 space
  int exponent = bit_width(size) - 1;
  const uint128 mask = (uint128{1} << exponent) - 1;
  const uint128 start = (first + mask) & ~mask;  // first + mask <= last: no overflow
  if (last - start < mask) --exponent;           // start <= last: no underflow
  return static_cast<std::uint8_t>(address_bits(family) - exponent);
}

// The first position in [k, end) whose gap holds a block of `length` (widest[k] <= length), else
// `end`. Eight bytes at a time while no byte can be below length + 1 (the "has a byte less than
// n" word test, exact for n <= 128), then byte by byte: a crowded /8 passes most of a million gaps.
std::size_t next_fitting_gap(const std::vector<std::uint8_t>& widest, std::size_t k, std::size_t end,
                             int length) {
  if (length < 128) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    const std::uint64_t below = kOnes * static_cast<std::uint64_t>(length + 1);
    for (; k + 8 <= end; k += 8) {
      std::uint64_t bytes = 0;
      std::memcpy(&bytes, widest.data() + k, sizeof bytes);
      if (((bytes - below) & ~bytes & (kOnes * 0x80)) != 0) break;
    }
  }
  while (k < end && widest[k] > length) ++k;
  return k;
}

// First-fit over the frozen union, which holds no ancestor of the pool: the gaps between its
// ranges inside the pool, minus the excludes, lowest first. A gap between two ranges that cannot
// hold a block of `length` is passed by reading its widest_gap_block byte. Returns false when
// `take` stopped.
template <typename Take>
bool first_fit_in_frozen(const std::vector<Range>& merged, const std::vector<std::uint8_t>& widest,
                         std::span<const Range> frozen, const Prefix& pool,
                         std::span<const Range> excludes, int length, Take&& take) {
  const Family f = pool.family();
  const uint128 pool_first = pool.first().value();
  const uint128 pool_last = pool.last().value();
  std::size_t excluded = 0;  // excludes before this are below every gap still to come
  const auto visit_gap = [&](uint128 low, uint128 high) {
    while (excluded < excludes.size() && excludes[excluded].last().value() < low) ++excluded;
    if (excluded == excludes.size() || excludes[excluded].first().value() > high) {
      return for_each_aligned_block(f, low, high, length, take);  // nothing excluded here
    }
    bool go_on = true;
    for_each_free_range(*Range::make(at(f, low), at(f, high)),
                        UsedCursor(excludes.subspan(excluded), {}, false), false,
                        [&](const Range& free) { return go_on = for_each_aligned_block(free, length, take); });
    return go_on;
  };
  std::size_t k = static_cast<std::size_t>(frozen.data() - merged.data());
  const std::size_t end = k + frozen.size();
  if (merged[k].first().value() > pool_first &&
      !visit_gap(pool_first, merged[k].first().value() - 1)) {
    return false;
  }
  for (;; ++k) {
    // Pass the gaps wholly inside the pool that are too small.
    k = next_fitting_gap(widest, k, end - 1, length);
    const uint128 used_last = merged[k].last().value();
    if (used_last >= pool_last) return true;
    const uint128 high = k + 1 < end ? merged[k + 1].first().value() - 1 : pool_last;
    if (!visit_gap(used_last + 1, high)) return false;
    if (k + 1 >= end) return true;
  }
}

// The parts of `prefixes` inside `pool`, sorted and disjoint.
std::vector<Range> clipped(const std::vector<Prefix>& prefixes, const Prefix& pool) {
  std::vector<Range> out;
  for (const Prefix& p : prefixes) {
    if (p.overlaps(pool)) out.push_back(pool.covers(p) ? Range(p) : Range(pool));
  }
  merge_ranges(out);
  return out;
}

}  // namespace

std::string_view strategy_name(Strategy strategy) {
  switch (strategy) {
    case Strategy::kFirstFit: return "first-fit";
    case Strategy::kLastFit: return "last-fit";
    case Strategy::kBestFit: return "best-fit";
  }
  return "first-fit";
}

absl::StatusOr<Strategy> parse_strategy(std::string_view text) {
  for (const Strategy s : {Strategy::kFirstFit, Strategy::kLastFit, Strategy::kBestFit}) {
    if (strategy_name(s) == text) return s;
  }
  return absl::InvalidArgumentError(
      str_cat("unknown strategy \"", text, "\" (expected first-fit, last-fit or best-fit)"));
}

AllocationIndex::AllocationIndex(const Inventory& inventory) : inventory_(inventory) {
  std::vector<Range> v4;
  std::vector<Range> v6;
  const std::vector<Record>& records = inventory.records();
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    const Range& r = records[id].range;
    FamilyIndex& f = r.family() == Family::kV4 ? v4_ : v6_;
    f.records.add(r.first().value(), r.last().value(), id);
    (r.family() == Family::kV4 ? v4 : v6).push_back(r);
  }
  v4_.records.build();
  v6_.records.build();
  merge_ranges(v4);
  merge_ranges(v6);
  v4_.merged = std::move(v4);
  v6_.merged = std::move(v6);
  for (FamilyIndex* f : {&v4_, &v6_}) {
    const std::vector<Range>& merged = f->merged;
    f->widest_gap_block.resize(merged.size());
    for (std::size_t i = 0; i < merged.size(); ++i) {
      // Merged ranges neither overlap nor touch: a gap follows each, unless it ends the family.
      const Address last = merged[i].last();
      if (last.is_highest()) {
        f->widest_gap_block[i] = kNoBlock;
        continue;
      }
      const uint128 gap_last = i + 1 < merged.size() ? merged[i + 1].first().value() - 1
                                                     : Address::all_ones(last.family());
      f->widest_gap_block[i] = widest_block_length(last.family(), last.value() + 1, gap_last);
    }
  }
}

AllocationIndex::PoolView AllocationIndex::view_pool(const Prefix& pool,
                                                     const std::vector<Prefix>& excludes) const {
  const FamilyIndex& f = family(pool.family());
  const Family fam = pool.family();
  const uint128 first = pool.first().value();
  const uint128 last = pool.last().value();
  PoolView view;
  view.excludes = clipped(excludes, pool);
  // Ancestors hold the pool's first address: a stab query finds them without visiting the
  // pool's content.
  bool has_ancestor = false;
  f.records.for_each_overlap(first, first, [&](const auto& entry) {
    if (last <= entry.last) {
      has_ancestor = true;
      if (inventory_.records()[entry.id].role == Role::kAssigned) {
        view.assigned_ancestors.push_back(entry.id);
      }
    }
    return true;
  });
  std::sort(view.assigned_ancestors.begin(), view.assigned_ancestors.end());
  if (!has_ancestor) {
    const auto begin = std::lower_bound(f.merged.begin(), f.merged.end(), pool.first(),
                                        [](const Range& r, const Address& a) { return r.last() < a; });
    const auto end = std::upper_bound(begin, f.merged.end(), pool.last(),
                                      [](const Address& a, const Range& r) { return a < r.first(); });
    view.frozen = std::span<const Range>(begin, end);
    return view;
  }
  // The frozen union includes the ancestors: collect the pool's other records one by one.
  f.records.for_each_overlap(first, last, [&](const auto& entry) {
    if (!(entry.first <= first && last <= entry.last)) {
      view.own.push_back(*Range::make(at(fam, std::max(entry.first, first)),
                                      at(fam, std::min(entry.last, last))));
    }
    return true;
  });
  merge_ranges(view.own);
  return view;
}

PoolUsage AllocationIndex::usage(const Prefix& pool, const PoolView& view) const {
  PoolUsage usage;
  usage.pool = pool;
  usage.size = address_count(Range(pool));
  usage.assigned_ancestors = view.assigned_ancestors;
  for_each_free_range(Range(pool), UsedCursor(view.used(), view.excludes, false), false,
                      [&](const Range& r) {
                        usage.free += address_count(r);
                        return true;
                      });
  usage.used = usage.size - usage.free;
  return usage;
}

FreeSpace AllocationIndex::free_space(const std::vector<Prefix>& pools,
                                      const std::vector<Prefix>& excludes) const {
  FreeSpace result;
  std::vector<Range> free;
  for (const Prefix& pool : pools) {
    const PoolView view = view_pool(pool, excludes);
    for_each_free_range(Range(pool), UsedCursor(view.used(), view.excludes, false), false,
                        [&](const Range& r) {
                          free.push_back(r);
                          return true;
                        });
    result.pools.push_back(usage(pool, view));
  }
  result.blocks = aggregate(std::move(free));
  return result;
}

Suggestion AllocationIndex::suggest(const std::vector<Prefix>& pools,
                                    const std::vector<Prefix>& excludes, int length,
                                    std::size_t count, Strategy strategy) const {
  Suggestion result;
  const bool descending = strategy == Strategy::kLastFit;
  std::vector<std::size_t> order(pools.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return descending ? pools[b] < pools[a] : pools[a] < pools[b];
  });
  bool pools_overlap = false;
  for (std::size_t i = 0; i < pools.size(); ++i) {
    for (std::size_t j = i + 1; j < pools.size(); ++j) pools_overlap |= pools[i].overlaps(pools[j]);
  }
  std::vector<Prefix> taken;
  taken.reserve(std::min<std::size_t>(count, 4096));
  const auto take = [&](const Prefix& block) {
    // Overlapping pools must not hand out one block twice.
    if (!pools_overlap || std::find(taken.begin(), taken.end(), block) == taken.end()) {
      taken.push_back(block);
    }
    return taken.size() < count;
  };
  result.assigned_ancestors.resize(pools.size());
  std::vector<Prefix> holes;  // best-fit only
  for (const std::size_t index : order) {
    const Prefix& pool = pools[index];
    const PoolView view = view_pool(pool, excludes);
    result.assigned_ancestors[index] = view.assigned_ancestors;
    if (length < pool.length() || length > pool.first().bits() || taken.size() >= count) continue;
    if (strategy == Strategy::kFirstFit && view.own.empty() && !view.frozen.empty()) {
      const FamilyIndex& f = family(pool.family());
      first_fit_in_frozen(f.merged, f.widest_gap_block, view.frozen, pool, view.excludes, length,
                          take);
      continue;
    }
    const UsedCursor used(view.used(), view.excludes, descending);
    for_each_free_range(Range(pool), used, descending, [&](const Range& free) {
      if (strategy == Strategy::kFirstFit) return for_each_aligned_block(free, length, take);
      bool go_on = true;
      std::vector<Prefix> cover;
      for_each_cover_prefix(free, [&](const Prefix& hole) {
        if (strategy == Strategy::kBestFit) {
          if (hole.length() <= length) holes.push_back(hole);
        } else if (!descending) {
          go_on = for_each_block(hole, length, false, take);
          return go_on;
        } else {
          cover.push_back(hole);
        }
        return true;
      });
      for (auto it = cover.rbegin(); it != cover.rend() && go_on; ++it) {
        go_on = for_each_block(*it, length, true, take);
      }
      return go_on;
    });
  }
  if (strategy == Strategy::kBestFit) {
    std::sort(holes.begin(), holes.end(), [](const Prefix& a, const Prefix& b) {
      if (a.length() != b.length()) return a.length() > b.length();  // smallest hole first
      return a < b;
    });
    for (const Prefix& hole : holes) {
      if (taken.size() >= count || !for_each_block(hole, length, false, take)) break;
    }
  }
  if (taken.size() > count) taken.resize(count);
  result.blocks = std::move(taken);
  return result;
}

}  // namespace ipplan
