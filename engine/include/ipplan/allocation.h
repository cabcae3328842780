// allocation.h — free space inside pools and the aligned blocks proposed from it (SPEC 5).
//
// The free space of a pool is the pool minus every record that overlaps it, in any namespace
// (a block for ExpressRoute must collide with nothing anywhere), except the pool's ancestors:
// records equal to or containing the pool. `--exclude` ranges are removed too. Holes are the
// blocks of the minimal CIDR cover of free space; a suggestion hands out aligned blocks of the
// requested size from them:
//   first-fit  lowest address first;
//   last-fit   highest address first, blocks from the top of each hole;
//   best-fit   smallest hole first (then lowest address), lowest block first in each hole,
//              which keeps large holes whole.
// All deterministic.
//
// An AllocationIndex is built once (a sort of all records per family: O(n log n)) and is then
// immutable. With no ancestor in the way, first-fit and last-fit walk the gaps of the frozen
// union lazily and stop at the count: O(log n + blocks + gaps passed); first-fit passes a gap
// too small for the block size by reading one byte. A pool with ancestors, and best-fit,
// compute the pool's whole free space first: O(records in the pool).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ipplan/address_count.h"
#include "ipplan/interval_index.h"
#include "ipplan/inventory.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

namespace ipplan {

enum class Strategy : std::uint8_t { kFirstFit, kLastFit, kBestFit };
std::string_view strategy_name(Strategy strategy);  // "first-fit", ...
absl::StatusOr<Strategy> parse_strategy(std::string_view text);

struct PoolUsage {
  Prefix pool;
  AddressCount size = 0;
  AddressCount used = 0;  // inside the pool, excluded ranges included
  AddressCount free = 0;
  // Assigned records that contain the pool (or equal it): worth a warning, since whoever owns
  // them may already be using the space.
  std::vector<std::uint32_t> assigned_ancestors;
};

struct FreeSpace {
  std::vector<Prefix> blocks;      // minimal CIDR cover of the union of the pools' free space
  std::vector<PoolUsage> pools;    // in the order given
};

struct Suggestion {
  std::vector<Prefix> blocks;  // at most the count asked for, in strategy order
  // Per pool in the order given, the assigned records containing it (see PoolUsage).
  std::vector<std::vector<std::uint32_t>> assigned_ancestors;
};

class AllocationIndex {
 public:
  explicit AllocationIndex(const Inventory& inventory);

  FreeSpace free_space(const std::vector<Prefix>& pools,
                       const std::vector<Prefix>& excludes) const;

  // Up to `count` aligned blocks of `length` (e.g. 28) from the pools' free space. Pools whose
  // family cannot hold a block of that length, or are smaller than it, give nothing.
  Suggestion suggest(const std::vector<Prefix>& pools, const std::vector<Prefix>& excludes,
                     int length, std::size_t count, Strategy strategy) const;

 private:
  struct FamilyIndex {
    IntervalIndex<uint128> records;  // every record, for ancestors and the slow path
    std::vector<Range> merged;       // the union of every record, sorted and disjoint
    // widest_gap_block[i]: the shortest prefix length of an aligned block that fits between
    // merged[i] and merged[i + 1] (kNoBlock when they touch; the last entry's gap reaches the
    // top of the family). First-fit passes, a byte at a time, every gap too small for the
    // block asked for.
    std::vector<std::uint8_t> widest_gap_block;
  };
  static constexpr std::uint8_t kNoBlock = 255;
  const FamilyIndex& family(Family f) const { return f == Family::kV4 ? v4_ : v6_; }

  // What is used inside one pool: a slice of the frozen union when no record contains the pool
  // (no copy), else the pool's own records without its ancestors; plus the excludes.
  struct PoolView {
    std::vector<std::uint32_t> assigned_ancestors;
    std::span<const Range> frozen;  // may reach past the pool's ends: readers clip
    std::vector<Range> own;         // sorted, disjoint (the slow path)
    std::vector<Range> excludes;    // sorted, disjoint, inside the pool
    std::span<const Range> used() const { return own.empty() ? frozen : std::span<const Range>(own); }
  };
  PoolView view_pool(const Prefix& pool, const std::vector<Prefix>& excludes) const;
  PoolUsage usage(const Prefix& pool, const PoolView& view) const;

  const Inventory& inventory_;
  FamilyIndex v4_;
  FamilyIndex v6_;
};

}  // namespace ipplan
