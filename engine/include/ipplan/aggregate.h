// aggregate.h — the union of many ranges as the fewest CIDR blocks (Python's
// collapse_addresses, for millions of ranges).
//
// merge_ranges sorts (an in-place radix sort) and joins overlapping or touching ranges of one
// family, in place. aggregate then covers each merged range with its minimal prefix list. The result is
// sorted, disjoint, and no two blocks could be joined into one.
//
// RangeCollector is the InputSink for aggregating inputs without an Inventory: it keeps only
// each record's range, an IPv4 one as one 8-byte word (twice that while sorting), where an
// Inventory holds an 80-byte record a line; and it sorts words instead of records. It also notes
// the IPv4 /20 blocks that a range covers whole (a bit each, 128 KiB in all) and drops every IPv4
// range that lies inside noted blocks, at once if they are noted already, else before sorting;
// the runs of noted blocks come back as ranges. The union, and so the result, is the same; a list
// whose large blocks hold most of its small ones (a block list, an IPAM export with its
// containers) sorts only what they do not hold.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/functional/function_ref.h"
#include "ipplan/input_sink.h"
#include "ipplan/inventory.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

namespace ipplan {

// Called with each prefix of a result in turn.
using PrefixVisitor = absl::FunctionRef<void(const Prefix&)>;

// Sorts `ranges` and rewrites them as their disjoint, non-touching union, ascending.
// Ranges of both families may be mixed; IPv4 comes first.
void merge_ranges(std::vector<Range>& ranges);

// The minimal CIDR list of the union of `ranges` (both families, IPv4 first).
std::vector<Prefix> aggregate(std::vector<Range> ranges);

// The union of every record of the inventory, whatever its namespace, domain or role.
std::vector<Prefix> aggregate(const Inventory& inventory);

// Keeps the range of every record read, whatever its namespace, domain or role.
class RangeCollector : public InputSink {
 public:
  explicit RangeCollector(DiagnosticHandler on_diagnostic = nullptr)
      : InputSink(std::move(on_diagnostic)) {}

  void reserve_more(std::size_t more) override { v4_.reserve(v4_.size() + more); }

  // The union of every range collected, as aggregate(ranges) gives it; empties the collector.
  std::vector<Prefix> aggregate();
  // The same prefixes, in the same order, handed to `visit` one at a time instead of held in a
  // list (10M IPv4 lines can merge to 8M prefixes: 270 MB as a list).
  void aggregate_into(PrefixVisitor visit);

 protected:
  void start_input(InputStart input) override { (void)input; }
  void keep(const RawRecord& record) override;
  void keep_lines(std::span<const LineRecord> records) override;

 private:
  void collect(const Range& range);
  void collect_v4(std::uint32_t first, std::uint32_t last);
  // Drops the IPv4 words inside covered blocks and adds the runs of covered blocks as words.
  void take_covered_blocks();

  std::vector<std::uint64_t> v4_;  // (first << 32) | last
  std::vector<Range> v6_;
  std::vector<std::uint64_t> covered_;  // a bit per IPv4 /20 block that one range covers whole
  std::uint64_t covering_ranges_ = 0;   // ranges that covered a block; none: nothing to drop
};

}  // namespace ipplan
