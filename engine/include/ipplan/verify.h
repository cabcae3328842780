// verify.h — the proof of SPEC section 4: no two records overlap where they must not, or every
// conflict, grouped into clusters.
//
// Two records can conflict only in the same namespace (VRFs, joined by --vrf-group or
// --all-vrfs) and family, when their ranges overlap. They do not conflict when the covering one
// (either, when equal) is a container, when both are in one domain and one strictly contains the
// other, or when one is the other's parent in its source (an Azure subnet and its VNet prefix).
// Otherwise: `duplicate` (equal), `contains` (strict containment across domains) or `partial`
// (crossing; always a conflict).
//
// Cost: per namespace group and family, an in-place radix sort of the compact spans of
// ProofRecords (proof_records.h) and one pass over them that finds the stretches of overlapping
// records; only those (in a clean inventory, none) go on to a sweep that keeps the ranges open at
// the current address, with identical ranges collapsed into one group, so a million copies of one
// prefix cost a million steps, not a million squared. Conflict counts are exact and never capped
// (they are counted per group, not enumerated); the pairs listed per cluster are capped.
// Clusters are the connected components of the conflict graph (Boost's disjoint sets).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ipplan/inventory.h"
#include "ipplan/proof_records.h"

namespace ipplan {

enum class ConflictKind : std::uint8_t { kDuplicate, kContains, kPartial };
std::string_view conflict_kind_name(ConflictKind kind);  // "duplicate", "contains", "partial"

struct Conflict {
  ConflictKind kind = ConflictKind::kDuplicate;
  std::uint32_t a = 0;  // record index: the covering one (contains), the earlier one otherwise
  std::uint32_t b = 0;
};

struct ConflictCluster {
  std::uint32_t root = 0;        // the widest record of the cluster (lowest first on a tie)
  std::uint64_t records = 0;     // records in the cluster
  std::uint64_t conflicts = 0;   // conflicting pairs in the cluster, exact
  std::vector<Conflict> listed;  // at most VerifyOptions::max_listed_per_cluster of them
};

struct VerifyOptions {
  // Each inner list names VRFs that leak routes into one namespace (--vrf-group A,B,...).
  std::vector<std::vector<std::string>> vrf_groups;
  bool all_vrfs = false;  // --all-vrfs: every VRF in one namespace
  std::size_t max_listed_per_cluster = 20;
};

struct VerifyResult {
  std::uint64_t records = 0;
  std::uint64_t ipv4_records = 0;
  std::uint64_t ipv6_records = 0;
  std::uint64_t conflict_count = 0;
  std::vector<ConflictCluster> clusters;  // largest (most conflicts) first
  // The range of every record the clusters name (roots and listed pairs), so that a caller
  // holding only ProofRecords can show them.
  absl::flat_hash_map<std::uint32_t, Range> ranges;

  bool ok() const { return conflict_count == 0; }
  int families() const { return (ipv4_records > 0 ? 1 : 0) + (ipv6_records > 0 ? 1 : 0); }
};

// Verifies the records of `inventory`.
VerifyResult verify(const Inventory& inventory, const VerifyOptions& options);

// Verifies `records`, sorting their arrays in place (and moving the records of namespaces that
// one VRF group joins into one array). `names` is the Inventory whose namespace ids the records
// use (a ProofBuilder fills both); only its namespace names are read.
VerifyResult verify(ProofRecords& records, const Inventory& names, const VerifyOptions& options);

// The rule of SPEC section 4 for one pair, when their ranges overlap and they share a namespace:
// the kind of conflict, or nullopt when they do not conflict. `a` and `b` are record indexes.
// The reference the sweep is tested against; O(1), for a pair at a time.
std::optional<ConflictKind> classify_pair(const Inventory& inventory, std::uint32_t a,
                                          std::uint32_t b);

}  // namespace ipplan
