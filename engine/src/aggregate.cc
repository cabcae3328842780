// aggregate.cc — merge, then cover.
#include "ipplan/aggregate.h"

#include <algorithm>

namespace ipplan {

void merge_ranges(std::vector<Range>& ranges) {
  std::sort(ranges.begin(), ranges.end());
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
  for (const Range& range : ranges) {
    for_each_cover_prefix(range, [&](const Prefix& p) {
      prefixes.push_back(p);
      return true;
    });
  }
  return prefixes;
}

std::vector<Prefix> aggregate(const Inventory& inventory) {
  std::vector<Range> ranges;
  ranges.reserve(inventory.records().size());
  for (const Record& r : inventory.records()) ranges.push_back(r.range);
  return aggregate(std::move(ranges));
}

}  // namespace ipplan
