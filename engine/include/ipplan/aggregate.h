// aggregate.h — the union of many ranges as the fewest CIDR blocks (Python's
// collapse_addresses, for millions of ranges).
//
// merge_ranges sorts (an in-place radix sort) and joins overlapping or touching ranges of one
// family, in place. aggregate then covers each merged range with its minimal prefix list. The result is
// sorted, disjoint, and no two blocks could be joined into one.
#pragma once

#include <vector>

#include "ipplan/inventory.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

namespace ipplan {

// Sorts `ranges` and rewrites them as their disjoint, non-touching union, ascending.
// Ranges of both families may be mixed; IPv4 comes first.
void merge_ranges(std::vector<Range>& ranges);

// The minimal CIDR list of the union of `ranges` (both families, IPv4 first).
std::vector<Prefix> aggregate(std::vector<Range> ranges);

// The union of every record of the inventory, whatever its namespace, domain or role.
std::vector<Prefix> aggregate(const Inventory& inventory);

}  // namespace ipplan
