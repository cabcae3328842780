// verify_test.cc — verify() against an O(n^2) reference of SPEC section 4 written from the spec
// text, on random inventories crowded into small address windows (so that duplicates, nesting
// and crossings are common), both families, containers, domains, VRFs and parent links.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/inventory.h"
#include "ipplan/parse.h"
#include "ipplan/strings.h"
#include "ipplan/verify.h"
#include "test_inventory.h"

using namespace ipplan;

namespace {

using Spec = testing::TestRecord;

Inventory build(const std::vector<Spec>& specs) { return testing::build_inventory(specs); }

// SPEC section 4, pair by pair, written independently of the engine.
std::optional<ConflictKind> reference_rule(const Inventory& inv, std::uint32_t i, std::uint32_t j,
                                           bool all_vrfs) {
  const Record& a = inv.records()[i];
  const Record& b = inv.records()[j];
  if (a.range.family() != b.range.family()) return std::nullopt;
  if (!all_vrfs && a.namespace_id != b.namespace_id) return std::nullopt;
  const bool overlap = !(a.range.last() < b.range.first() || b.range.last() < a.range.first());
  if (!overlap) return std::nullopt;
  if (a.parent == j || b.parent == i) return std::nullopt;  // structure of the source
  const bool a_covers = a.range.first() <= b.range.first() && b.range.last() <= a.range.last();
  const bool b_covers = b.range.first() <= a.range.first() && a.range.last() <= b.range.last();
  if (a_covers && b_covers) {  // equal
    if (a.role == Role::kContainer || b.role == Role::kContainer) return std::nullopt;
    return ConflictKind::kDuplicate;
  }
  if (!a_covers && !b_covers) return ConflictKind::kPartial;
  const Record& outer = a_covers ? a : b;
  if (outer.role == Role::kContainer) return std::nullopt;
  if (a.domain_id == b.domain_id) return std::nullopt;  // hierarchy inside one source
  return ConflictKind::kContains;
}

struct Reference {
  std::uint64_t conflicts = 0;
  std::map<std::pair<std::uint32_t, std::uint32_t>, ConflictKind> pairs;
  std::vector<int> component;  // -1 when in no conflict
  std::map<int, std::uint64_t> component_conflicts;
  std::map<int, std::uint64_t> component_records;
};

Reference reference(const Inventory& inv, bool all_vrfs) {
  const auto n = static_cast<std::uint32_t>(inv.records().size());
  Reference ref;
  std::vector<std::vector<std::uint32_t>> adjacent(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint32_t j = i + 1; j < n; ++j) {
      if (const auto kind = reference_rule(inv, i, j, all_vrfs)) {
        ++ref.conflicts;
        ref.pairs[{i, j}] = *kind;
        adjacent[i].push_back(j);
        adjacent[j].push_back(i);
      }
    }
  }
  ref.component.assign(n, -1);
  int next = 0;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (adjacent[start].empty() || ref.component[start] != -1) continue;
    std::vector<std::uint32_t> stack{start};
    ref.component[start] = next;
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      ++ref.component_records[next];
      for (const std::uint32_t w : adjacent[v]) {
        if (ref.component[w] == -1) {
          ref.component[w] = next;
          stack.push_back(w);
        }
      }
    }
    ++next;
  }
  for (const auto& [pair, kind] : ref.pairs) ++ref.component_conflicts[ref.component[pair.first]];
  return ref;
}

// A random prefix or range inside a 64-address window of one family: crowded on purpose.
std::string random_range(std::mt19937_64& rng, Family family) {
  const Address base = family == Family::kV4 ? Address::v4(0x0a000000U)
                                             : Address::v6(0x20010db800000000ULL, 0);
  const auto at = [&](std::uint64_t offset) {
    return family == Family::kV4
               ? Address::v4(base.v4_value() + static_cast<std::uint32_t>(offset))
               : Address::v6(base.high64(), offset);
  };
  if (rng() % 6 == 0) {
    const std::uint64_t a = rng() % 64;
    const std::uint64_t b = a + rng() % (64 - a);
    return to_string(*Range::make(at(a), at(b)));
  }
  const int host_bits = static_cast<int>(rng() % 7);
  const std::uint64_t offset = (rng() % 64) & ~((std::uint64_t{1} << host_bits) - 1);
  return to_string(Prefix::containing(at(offset), base.bits() - host_bits));
}

std::vector<Spec> random_inventory(std::mt19937_64& rng, std::size_t n) {
  std::vector<Spec> specs;
  static const char* const kDomains[] = {"onprem", "azure-hub", "azure-spoke"};
  static const char* const kVrfs[] = {"", "", "red", "blue"};
  for (std::size_t i = 0; i < n; ++i) {
    Spec s;
    s.range = random_range(rng, rng() % 4 == 0 ? Family::kV6 : Family::kV4);
    s.role = rng() % 5 == 0 ? Role::kContainer : Role::kAssigned;
    s.domain = kDomains[rng() % 3];
    s.vrf = kVrfs[rng() % 4];
    // Now and then the source's own structure: an earlier record that holds this one.
    if (i > 0 && rng() % 4 == 0) {
      const auto candidate = static_cast<std::uint32_t>(rng() % i);
      const Range outer = parse_range(specs[candidate].range).value;
      const Range inner = parse_range(s.range).value;
      if (outer.covers(inner)) {
        s.parent = candidate;
        s.domain = specs[candidate].domain;
        s.vrf = specs[candidate].vrf;
      }
    }
    specs.push_back(s);
  }
  return specs;
}

void check_against_reference(const Inventory& inv, const VerifyOptions& options) {
  const Reference ref = reference(inv, options.all_vrfs);
  const VerifyResult result = verify(inv, options);
  REQUIRE(result.conflict_count == ref.conflicts);
  REQUIRE(result.ok() == (ref.conflicts == 0));
  REQUIRE(result.clusters.size() == ref.component_records.size());
  std::set<int> seen_components;
  for (const ConflictCluster& c : result.clusters) {
    const int component = ref.component[c.root];
    REQUIRE(component >= 0);
    REQUIRE(seen_components.insert(component).second);
    CHECK(c.records == ref.component_records.at(component));
    CHECK(c.conflicts == ref.component_conflicts.at(component));
    // The root is the widest record of the component (lowest first, then lowest index on a tie).
    for (std::uint32_t id = 0; id < inv.records().size(); ++id) {
      if (ref.component[id] != component) continue;
      const Range& r = inv.records()[id].range;
      const Range& root = inv.records()[c.root].range;
      CHECK((r.span() < root.span() || (r.span() == root.span() && root.first() <= r.first())));
    }
    CHECK(c.listed.size() == std::min<std::uint64_t>(c.conflicts, options.max_listed_per_cluster));
    std::set<std::pair<std::uint32_t, std::uint32_t>> listed;
    for (const Conflict& k : c.listed) {
      const auto key = std::minmax(k.a, k.b);
      REQUIRE(listed.insert(key).second);  // no pair listed twice
      const auto it = ref.pairs.find(key);
      REQUIRE(it != ref.pairs.end());
      CHECK(it->second == k.kind);
      CHECK(ref.component[k.a] == component);
      if (k.kind == ConflictKind::kContains) {
        CHECK(inv.records()[k.a].range.strictly_covers(inv.records()[k.b].range));
      }
    }
  }
}

}  // namespace

TEST_CASE("verify equals the O(n^2) reference on random crowded inventories", "[verify][property]") {
  std::mt19937_64 rng(4242);
  for (int round = 0; round < 400; ++round) {
    const std::size_t n = 1 + rng() % 60;
    const Inventory inv = build(random_inventory(rng, n));
    INFO("round " << round << ", " << n << " records");
    VerifyOptions options;
    options.max_listed_per_cluster = 1 + rng() % 8;
    options.all_vrfs = rng() % 3 == 0;
    check_against_reference(inv, options);
  }
}

TEST_CASE("classify_pair agrees with the reference rule", "[verify][property]") {
  std::mt19937_64 rng(777);
  for (int round = 0; round < 50; ++round) {
    const Inventory inv = build(random_inventory(rng, 40));
    for (std::uint32_t i = 0; i < inv.records().size(); ++i) {
      for (std::uint32_t j = i + 1; j < inv.records().size(); ++j) {
        if (inv.records()[i].namespace_id != inv.records()[j].namespace_id) continue;
        CHECK(classify_pair(inv, i, j) == reference_rule(inv, i, j, false));
      }
    }
  }
}

TEST_CASE("a clean inventory is a proof", "[verify]") {
  const Inventory inv = build({{"10.0.0.0/16", Role::kAssigned, "onprem"},
                               {"10.0.1.0/24", Role::kAssigned, "onprem"},  // same domain: hierarchy
                               {"10.1.0.0/16", Role::kAssigned, "azure"},
                               {"::/0", Role::kContainer, "tags"},
                               {"2001:db8::/32", Role::kAssigned, "azure"}});
  const VerifyResult result = verify(inv, {});
  CHECK(result.ok());
  CHECK(result.records == 5);
  CHECK(result.families() == 2);
  CHECK(result.clusters.empty());
}

TEST_CASE("each conflict kind and each exception", "[verify]") {
  const Inventory inv = build({
      {"10.0.0.0/16", Role::kAssigned, "onprem"},   // 0
      {"10.0.0.0/16", Role::kAssigned, "azure"},    // 1: duplicate of 0
      {"10.0.5.0/24", Role::kAssigned, "azure"},    // 2: inside 0 (other domain) -> contains
      {"10.0.255.0-10.1.0.10", Role::kAssigned, "onprem"},  // 3: crosses 0 and 1 -> partial
      {"10.8.0.0/16", Role::kContainer, "onprem"},  // 4: container
      {"10.8.1.0/24", Role::kAssigned, "azure"},    // 5: inside a container -> fine
      {"10.8.0.0/16", Role::kAssigned, "azure"},    // 6: equal to a container -> fine
      {"10.9.0.0/16", Role::kAssigned, "azure", "", RawRecord::kNoParent},  // 7
      {"10.9.0.0/16", Role::kAssigned, "azure", "", 7},  // 8: subnet spanning its VNet: parent
      {"10.20.0.0/16", Role::kAssigned, "onprem", "red"},  // 9
      {"10.20.0.0/16", Role::kAssigned, "azure", "blue"},  // 10: other VRF -> fine
  });
  VerifyResult result = verify(inv, {});
  // 0-1 duplicate, 0-2 contains, 3 crosses 0 and 1; 1-2 is one domain's hierarchy.
  CHECK(result.conflict_count == 4);
  REQUIRE(result.clusters.size() == 1);
  std::map<ConflictKind, int> kinds;
  for (const Conflict& k : result.clusters[0].listed) ++kinds[k.kind];
  CHECK(kinds[ConflictKind::kDuplicate] == 1);
  CHECK(kinds[ConflictKind::kContains] == 1);
  CHECK(kinds[ConflictKind::kPartial] == 2);
  CHECK(kinds.size() == 3);

  VerifyOptions all;
  all.all_vrfs = true;
  CHECK(verify(inv, all).conflict_count == 5);  // red and blue now see each other
  VerifyOptions grouped;
  grouped.vrf_groups = {{"red", "blue"}};
  CHECK(verify(inv, grouped).conflict_count == 5);
  VerifyOptions unrelated;
  unrelated.vrf_groups = {{"red", "green"}};
  CHECK(verify(inv, unrelated).conflict_count == 4);
}

TEST_CASE("a hundred thousand copies of one prefix: exact count / bounded listing", "[verify][scale]") {
  std::vector<Spec> specs(100000, Spec{"10.0.0.0/24", Role::kAssigned, "x"});
  specs.push_back({"10.0.0.0/8", Role::kAssigned, "y"});
  specs.push_back({"10.0.0.128/25", Role::kAssigned, "z"});
  const Inventory inv = build(specs);
  VerifyOptions options;
  options.max_listed_per_cluster = 7;
  const VerifyResult result = verify(inv, options);
  const std::uint64_t copies = 100000;
  // copies choose 2 duplicates, the /8 contains every copy and the /25, every copy contains the /25.
  CHECK(result.conflict_count == copies * (copies - 1) / 2 + copies + 1 + copies);
  REQUIRE(result.clusters.size() == 1);
  CHECK(result.clusters[0].records == copies + 2);
  CHECK(result.clusters[0].listed.size() == 7);
  CHECK(to_string(inv.records()[result.clusters[0].root].range) == "10.0.0.0/8");
}

TEST_CASE("one wrong /8 over thousands of prefixes is one cluster with that root", "[verify]") {
  std::vector<Spec> specs;
  for (unsigned i = 0; i < 5000; ++i) {
    specs.push_back({str_cat("10.", i / 256, ".", i % 256, ".0/24"), Role::kAssigned, "onprem"});
  }
  specs.push_back({"10.0.0.0/8", Role::kAssigned, "azure"});
  const Inventory inv = build(specs);
  const VerifyResult result = verify(inv, {});
  CHECK(result.conflict_count == 5000);
  REQUIRE(result.clusters.size() == 1);
  CHECK(result.clusters[0].root == 5000);
  CHECK(result.clusters[0].records == 5001);
  CHECK(result.clusters[0].listed.size() == 20);
}
