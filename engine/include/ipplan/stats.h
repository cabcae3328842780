// stats.h — what an inventory holds: records per family, domain and role, and exact address
// counts (the plain sum over records, and the addresses covered at least once).
//
// Computing the covered count sorts a copy of the ranges of each family: O(n log n) time and
// O(n) extra memory. Everything else is one pass.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ipplan/address_count.h"
#include "ipplan/inventory.h"

namespace ipplan {

struct FamilyStats {
  std::uint64_t records = 0;
  AddressCount addresses_total = 0;    // sum of every record's size (overlaps counted twice)
  AddressCount addresses_covered = 0;  // size of the union of all records
};

struct DomainStats {
  std::string domain;  // as shown
  std::uint64_t records = 0;
  std::uint64_t assigned = 0;
  std::uint64_t containers = 0;
  std::uint64_t ipv4 = 0;
  std::uint64_t ipv6 = 0;
};

struct InventoryStats {
  std::uint64_t records = 0;
  std::uint64_t assigned = 0;
  std::uint64_t containers = 0;
  FamilyStats ipv4;
  FamilyStats ipv6;
  std::vector<DomainStats> domains;  // in order of first appearance
};

InventoryStats compute_stats(const Inventory& inventory);

// The number of addresses in the union of `ranges` (all of one family); merges `ranges` in place.
AddressCount covered_addresses(std::vector<Range>& ranges);

}  // namespace ipplan
