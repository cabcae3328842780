// report_test.cc — the report model against a brute-force reference on random inventories: every
// cell of every map recomputed from scratch (records overlapping it, an address bitmap for the
// used count, every conflicting pair by classify_pair), and utilisation per container likewise.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/hilbert.h"
#include "ipplan/parse.h"
#include "ipplan/report.h"
#include "test_inventory.h"

using namespace ipplan;

namespace {

using Spec = testing::TestRecord;

// Records from two inputs: "test.txt" (input 0) and "ledger.csv" (input 1).
Inventory build(const std::vector<Spec>& specs) {
  return testing::build_inventory(specs, {"test.txt", "ledger.csv"});
}

Prefix prefix(const std::string& text) {
  const auto parsed = parse_prefix(text);
  REQUIRE(parsed.ok());
  return parsed.value;
}

std::string v4(std::uint32_t value) { return to_string(Address::v4(value)); }

// Random records around 10.0.0.0/20: prefixes from /16 to /32, ranges, a few in the ledger.
std::vector<Spec> random_specs(std::mt19937& rng, int count) {
  std::vector<Spec> specs;
  const std::uint32_t base = 0x0a000000;  // 10.0.0.0
  for (int i = 0; i < count; ++i) {
    Spec s;
    s.domain = std::string(1, static_cast<char>('a' + rng() % 4));
    s.role = rng() % 4 == 0 ? Role::kContainer : Role::kAssigned;
    s.input = rng() % 8 == 0 ? 1 : 0;
    if (s.input == 1) s.role = Role::kContainer;
    const std::uint32_t offset = static_cast<std::uint32_t>(rng() % 8192);  // up to 10.0.31.255
    if (rng() % 5 == 0) {
      const std::uint32_t length = static_cast<std::uint32_t>(rng() % 600);
      s.range = v4(base + offset) + "-" + v4(base + offset + length);
    } else {
      const int prefix_length = rng() % 20 == 0 ? 16 + static_cast<int>(rng() % 5)
                                                : 21 + static_cast<int>(rng() % 12);
      const std::uint32_t host = prefix_length == 32 ? 0 : (1U << (32 - prefix_length)) - 1;
      s.range = v4((base + offset) & ~host) + "/" + std::to_string(prefix_length);
    }
    specs.push_back(s);
  }
  return specs;
}

struct ExpectedCell {
  std::uint64_t records = 0;
  std::uint64_t containers = 0;
  std::uint64_t used = 0;
  std::uint32_t domain = kNoDomain;
  bool conflict = false;
  bool reserved = false;
  bool proposed = false;
  std::vector<std::uint32_t> sample;
};

bool in_ledger(const Inventory& inv, std::uint32_t id) { return inv.records()[id].input_id == 1; }

void check_map_against_reference(const Inventory& inv, const VerifyResult& verification,
                                 const ReportRequest& request, const Prefix& area) {
  const ReportMap map = build_report_map(inv, verification, request, area);
  const int host_bits = 32 - area.length();
  const int order = std::min(request.max_order, host_bits / 2);
  REQUIRE(map.order == order);
  REQUIRE(map.cell_length == area.length() + 2 * order);
  const std::uint32_t cell_size = 1U << (32 - map.cell_length);
  const std::uint32_t area_first = area.first().v4_value();
  const auto& records = inv.records();
  std::vector<std::uint32_t> inside;
  std::vector<std::uint32_t> ancestors;
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    if (!records[id].range.overlaps(Range(area))) continue;
    (records[id].range.covers(Range(area)) ? ancestors : inside).push_back(id);
  }
  CHECK(map.ancestors == ancestors);
  CHECK(map.records == inside.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> conflicts;
  for (std::uint32_t a = 0; a < records.size(); ++a) {
    for (std::uint32_t b = a + 1; b < records.size(); ++b) {
      if (records[a].range.overlaps(records[b].range) && classify_pair(inv, a, b)) {
        conflicts.emplace_back(a, b);
      }
    }
  }
  REQUIRE(conflicts.size() == verification.conflict_count);
  std::uint64_t total_used = 0;
  std::vector<ReportCell> nonempty;
  const std::uint64_t cells = std::uint64_t{1} << (2 * order);
  std::size_t next = 0;
  for (std::uint64_t c = 0; c < cells; ++c) {
    const Range block(Prefix::containing(
        Address::v4(area_first + static_cast<std::uint32_t>(c) * cell_size), map.cell_length));
    ExpectedCell e;
    std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> per_domain;
    for (const std::uint32_t id : inside) {
      const Record& r = records[id];
      if (!r.range.overlaps(block)) continue;
      ++e.records;
      if (r.role == Role::kContainer) ++e.containers;
      if (in_ledger(inv, id)) e.reserved = true;
      if (e.sample.size() < kCellSampleRecords) e.sample.push_back(id);
      auto& tally = per_domain[r.domain_id];
      ++(r.role == Role::kContainer ? tally.second : tally.first);
    }
    std::uint64_t best_assigned = 0, best_containers = 0;
    std::uint32_t assigned_domain = kNoDomain, container_domain = kNoDomain;
    for (const auto& [domain, tally] : per_domain) {  // ascending ids: the first max wins ties
      if (tally.first > best_assigned) best_assigned = tally.first, assigned_domain = domain;
      if (tally.second > best_containers) best_containers = tally.second, container_domain = domain;
    }
    e.domain = best_assigned > 0 ? assigned_domain : container_domain;
    for (std::uint32_t a = block.first().v4_value();; ++a) {
      const Address address = Address::v4(a);
      if (std::any_of(inside.begin(), inside.end(),
                      [&](std::uint32_t id) { return records[id].range.contains(address); })) {
        ++e.used;
      }
      if (a == block.last().v4_value()) break;
    }
    total_used += e.used;
    for (const auto& [a, b] : conflicts) {
      const Address first = std::max(records[a].range.first(), records[b].range.first());
      const Address last = std::min(records[a].range.last(), records[b].range.last());
      if (block.overlaps(*Range::make(first, last))) e.conflict = true;
    }
    for (const Prefix& p : request.proposed) {
      if (block.overlaps(Range(p))) e.proposed = true;
    }
    if (e.records == 0 && !e.conflict && !e.proposed) continue;
    INFO("cell " << c << " " << to_string(block));
    REQUIRE(next < map.cells.size());
    const ReportCell& got = map.cells[next++];
    CHECK(got.index == c);
    CHECK(got.block == block.as_prefix());
    CHECK(got.x == hilbert_point(order, c).x);
    CHECK(got.y == hilbert_point(order, c).y);
    CHECK(got.records == e.records);
    CHECK(got.containers == e.containers);
    CHECK(got.used == e.used);
    CHECK(got.domain == e.domain);
    CHECK(got.conflict == e.conflict);
    CHECK(got.reserved == e.reserved);
    CHECK(got.proposed == e.proposed);
    CHECK(got.sample == e.sample);
  }
  CHECK(next == map.cells.size());
  CHECK(map.used == total_used);
}

}  // namespace

TEST_CASE("report map cells match a brute-force reference on random inventories", "[report]") {
  std::mt19937 rng(20261202);
  for (int round = 0; round < 40; ++round) {
    std::vector<Spec> specs = random_specs(rng, 5 + static_cast<int>(rng() % 40));
    if (round % 5 == 0) specs.push_back({"10.0.0.0/20", Role::kContainer, "a"});  // an ancestor
    if (round % 7 == 0) specs.push_back({"10.0.0.0/8", Role::kAssigned, "b"});
    const Inventory inv = build(specs);
    VerifyOptions options;
    options.max_listed_per_cluster = 1'000'000;
    const VerifyResult verification = verify(inv, options);
    ReportRequest request;
    request.max_order = 1 + round % 4;
    request.ledger_inputs = {1};
    for (int k = 0; k < static_cast<int>(rng() % 4); ++k) {
      request.proposed.push_back(Prefix::containing(
          Address::v4(0x0a000000 + static_cast<std::uint32_t>(rng() % 4096)), 28));
    }
    INFO("round " << round);
    check_map_against_reference(inv, verification, request, prefix("10.0.0.0/20"));
    check_map_against_reference(inv, verification, request, prefix("10.0.4.0/22"));
    check_map_against_reference(inv, verification, request, prefix("10.0.8.0/27"));  // order <= 2
    check_map_against_reference(inv, verification, request, prefix("10.0.9.7/32"));  // one cell
  }
}

TEST_CASE("report utilisation per container matches a brute-force reference", "[report]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    const Inventory inv = build(random_specs(rng, 5 + static_cast<int>(rng() % 30)));
    ReportRequest request;
    request.ledger_inputs = {1};
    const ReportModel model = build_report(inv, VerifyResult{}, request);
    const auto& records = inv.records();
    std::vector<std::uint32_t> containers;
    std::vector<std::uint32_t> reservations;
    for (std::uint32_t id = 0; id < records.size(); ++id) {
      if (records[id].role == Role::kContainer) containers.push_back(id);
      if (in_ledger(inv, id)) reservations.push_back(id);
    }
    CHECK(model.reservations == reservations);
    CHECK(model.container_count == containers.size());
    REQUIRE(model.containers.size() == containers.size());  // fewer than the cap
    for (const ContainerUsage& usage : model.containers) {
      const Range& outer = records[usage.record].range;
      std::uint64_t used = 0, children = 0;
      for (std::uint32_t id = 0; id < records.size(); ++id) {
        if (id != usage.record && outer.covers(records[id].range)) ++children;
      }
      for (std::uint32_t a = outer.first().v4_value();; ++a) {
        for (std::uint32_t id = 0; id < records.size(); ++id) {
          if (id != usage.record && outer.covers(records[id].range) &&
              records[id].range.contains(Address::v4(a))) {
            ++used;
            break;
          }
        }
        if (a == outer.last().v4_value()) break;
      }
      CHECK(usage.children == children);
      CHECK(usage.used == used);
      CHECK(usage.size == address_count(outer));
    }
    CHECK(std::is_sorted(model.containers.begin(), model.containers.end(),
                         [&](const ContainerUsage& a, const ContainerUsage& b) {
                           return records[a.record].range < records[b.record].range;
                         }));
  }
}

TEST_CASE("report keeps the widest containers when there are more than the cap", "[report]") {
  const Inventory inv = build({{"10.0.0.0/24", Role::kContainer, "a"},
                               {"10.0.0.0/16", Role::kContainer, "a"},
                               {"10.1.0.0/20", Role::kContainer, "a"},
                               {"10.0.0.0/26", Role::kAssigned, "a"}});
  ReportRequest request;
  request.max_containers = 2;
  const ReportModel model = build_report(inv, VerifyResult{}, request);
  CHECK(model.container_count == 3);
  REQUIRE(model.containers.size() == 2);
  CHECK(to_string(inv.records()[model.containers[0].record].range) == "10.0.0.0/16");
  CHECK(to_string(inv.records()[model.containers[1].record].range) == "10.1.0.0/20");
  CHECK(model.containers[0].used == 256);  // the /24 covers the /26
  CHECK(model.containers[0].children == 2);
}

TEST_CASE("report map order is bounded and cells stay whole", "[report]") {
  CHECK(map_order(prefix("10.0.0.0/8"), kDefaultMaxMapOrder) == 6);
  CHECK(map_order(prefix("10.0.0.0/30"), kDefaultMaxMapOrder) == 1);
  CHECK(map_order(prefix("10.0.0.0/31"), kDefaultMaxMapOrder) == 0);
  CHECK(map_order(prefix("10.0.0.1/32"), kDefaultMaxMapOrder) == 0);
  CHECK(map_order(prefix("2001:db8::/32"), kDefaultMaxMapOrder) == 6);
  CHECK(map_order(prefix("::/0"), 20) == kMaxHilbertOrder);
}

TEST_CASE("report map of a whole IPv6 space has bounded cells", "[report]") {
  const Inventory inv = build({{"2001:db8::/32", Role::kAssigned, "a"},
                               {"fd00::/8", Role::kContainer, "b"}});
  const ReportMap map = build_report_map(inv, VerifyResult{}, ReportRequest{}, prefix("::/0"));
  CHECK(map.cell_length == 12);
  CHECK(map.records == 2);
  REQUIRE(map.cells.size() == 17);  // the /32 in one /12 cell, the /8 over sixteen
  CHECK(to_string(map.cells[0].block) == "2000::/12");
  CHECK(map.cells[0].used == address_count(Range(prefix("2001:db8::/32"))));
  CHECK(to_string(map.cells[1].block) == "fd00::/12");
  CHECK(to_string(map.cells[16].block) == "fdf0::/12");
  CHECK(map.cells[1].containers == 1);
  CHECK(map.cells[1].used == address_count(Range(prefix("fd00::/12"))));
}

TEST_CASE("covering prefix spans each family's records", "[report]") {
  const Inventory inv = build({{"10.1.2.0/24", Role::kAssigned, "a"},
                               {"10.3.0.0-10.3.0.9", Role::kAssigned, "a"},
                               {"2001:db8:1::/48", Role::kAssigned, "a"}});
  CHECK(covering_prefix(inv, Family::kV4) == prefix("10.0.0.0/14"));
  CHECK(covering_prefix(inv, Family::kV6) == prefix("2001:db8:1::/48"));
  const Inventory empty = build({});
  CHECK_FALSE(covering_prefix(empty, Family::kV4).has_value());
}

TEST_CASE("proposed blocks of a peering plan", "[report]") {
  PeeringPlan plan;
  CircuitPlan with_block;
  with_block.block = prefix("10.9.0.0/28");
  with_block.primary.subnet = prefix("10.9.0.0/30");
  with_block.secondary.subnet = prefix("10.9.0.4/30");
  with_block.primary6 = PeeringLink{prefix("2001:db8::/126"), {}, {}};
  with_block.secondary6 = PeeringLink{prefix("2001:db8::8/126"), {}, {}};
  CircuitPlan independent;
  independent.primary.subnet = prefix("10.9.1.0/30");
  independent.secondary.subnet = prefix("10.9.2.0/30");
  plan.circuits = {with_block, independent};
  const std::vector<Prefix> expected = {prefix("10.9.0.0/28"), prefix("2001:db8::/126"),
                                        prefix("2001:db8::8/126"), prefix("10.9.1.0/30"),
                                        prefix("10.9.2.0/30")};
  CHECK(proposed_blocks(plan) == expected);
}
