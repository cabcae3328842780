// stats.cc — counting records and addresses.
#include "ipplan/stats.h"

#include <algorithm>

#include "ipplan/aggregate.h"

namespace ipplan {

AddressCount covered_addresses(std::vector<Range>& ranges) {
  merge_ranges(ranges);
  AddressCount covered = 0;
  for (const Range& range : ranges) covered += address_count(range);
  return covered;
}

InventoryStats compute_stats(const Inventory& inventory) {
  InventoryStats stats;
  stats.domains.resize(inventory.domain_count());
  std::vector<bool> seen(inventory.domain_count(), false);
  std::vector<std::uint32_t> order;
  std::vector<Range> v4;
  std::vector<Range> v6;
  for (const Record& r : inventory.records()) {
    const bool container = r.role == Role::kContainer;
    ++stats.records;
    (container ? stats.containers : stats.assigned) += 1;
    FamilyStats& family = r.range.family() == Family::kV4 ? stats.ipv4 : stats.ipv6;
    ++family.records;
    family.addresses_total += address_count(r.range);
    (r.range.family() == Family::kV4 ? v4 : v6).push_back(r.range);
    DomainStats& d = stats.domains[r.domain_id];
    if (!seen[r.domain_id]) {
      seen[r.domain_id] = true;
      order.push_back(r.domain_id);
      d.domain = std::string(inventory.domain_name(r.domain_id));
    }
    ++d.records;
    (container ? d.containers : d.assigned) += 1;
    (r.range.family() == Family::kV4 ? d.ipv4 : d.ipv6) += 1;
  }
  stats.ipv4.addresses_covered = covered_addresses(v4);
  stats.ipv6.addresses_covered = covered_addresses(v6);
  std::vector<DomainStats> ordered;
  ordered.reserve(order.size());
  for (const std::uint32_t id : order) ordered.push_back(std::move(stats.domains[id]));
  stats.domains = std::move(ordered);
  return stats;
}

}  // namespace ipplan
