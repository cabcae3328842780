// peering_test.cc — the ExpressRoute plan: block sizes and their /30 (/126) halves, router
// addresses, VLAN ids, ASN and public-space refusals, shortages, and on random inventories a
// plan that never overlaps a used record and never hands out one address twice.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "test_values.h"
#include "ipplan/format.h"
#include "ipplan/parse.h"
#include "ipplan/peering.h"

using namespace ipplan;
using ipplan::testing::prefix;

namespace {

Inventory inventory_of(const std::vector<std::string>& used) {
  Inventory inventory;
  InventoryBuilder builder(inventory, nullptr);
  builder.begin_input("test", "test", InputFormat::kList);
  std::uint32_t line = 0;
  for (const std::string& text : used) {
    RawRecord raw;
    raw.range = prefix(text);
    raw.location.line = ++line;
    builder.record(raw);
  }
  return inventory;
}

PeeringRequest private_request(std::vector<std::string> pools) {
  PeeringRequest request;
  for (const std::string& p : pools) request.pools.push_back(prefix(p));
  request.asn = 65010;
  return request;
}

bool any_problem_has(const PeeringPlan& plan, std::string_view part) {
  for (const std::string& problem : plan.problems) {
    if (problem.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("peering_link: customer takes the first usable address / Microsoft the second",
          "[peering]") {
  const PeeringLink v4 = peering_link(prefix("192.0.2.8/30"));
  CHECK(to_string(v4.customer) == "192.0.2.9");
  CHECK(to_string(v4.microsoft) == "192.0.2.10");
  const PeeringLink v6 = peering_link(prefix("2001:db8::4/126"));
  CHECK(to_string(v6.customer) == "2001:db8::5");
  CHECK(to_string(v6.microsoft) == "2001:db8::6");
}

TEST_CASE("block 28: primary and secondary are the block's first two /30s", "[peering]") {
  const Inventory inventory = inventory_of({"172.31.255.0/30"});
  const AllocationIndex index(inventory);
  const PeeringPlan plan = plan_peering(index, private_request({"172.31.255.0/24"}));
  REQUIRE(plan.complete());
  REQUIRE(plan.circuits.size() == 1);
  const CircuitPlan& c = plan.circuits[0];
  CHECK(to_string(*c.block) == "172.31.255.16/28");
  CHECK(to_string(c.primary.subnet) == "172.31.255.16/30");
  CHECK(to_string(c.secondary.subnet) == "172.31.255.20/30");
  CHECK(c.vlan == 100);
  CHECK(occupied_blocks(c) == std::vector<Prefix>{prefix("172.31.255.16/28")});
}

TEST_CASE("block 29 and block 30 / IPv6 halves / VLANs count up per circuit", "[peering]") {
  const Inventory inventory = inventory_of({"10.0.0.4/30", "2001:db8::/127"});
  const AllocationIndex index(inventory);
  PeeringRequest request = private_request({"10.0.0.0/27"});
  request.pools6.push_back(prefix("2001:db8::/120"));
  request.circuits = 2;
  request.vlan = 4093;

  request.block = 29;
  const PeeringPlan p29 = plan_peering(index, request);
  REQUIRE(p29.complete());
  CHECK(to_string(*p29.circuits[0].block) == "10.0.0.8/29");
  CHECK(to_string(p29.circuits[0].secondary.subnet) == "10.0.0.12/30");
  CHECK(to_string(*p29.circuits[1].block) == "10.0.0.16/29");
  CHECK(to_string(*p29.circuits[0].block6) == "2001:db8::8/125");
  CHECK(to_string(p29.circuits[0].primary6->subnet) == "2001:db8::8/126");
  CHECK(to_string(p29.circuits[0].secondary6->subnet) == "2001:db8::c/126");
  CHECK(p29.circuits[0].vlan == 4093);
  CHECK(p29.circuits[1].vlan == 4094);

  // Block 30: two independent /30s per circuit, the holes used first.
  request.block = 30;
  const PeeringPlan p30 = plan_peering(index, request);
  REQUIRE(p30.complete());
  CHECK(!p30.circuits[0].block);
  CHECK(to_string(p30.circuits[0].primary.subnet) == "10.0.0.0/30");
  CHECK(to_string(p30.circuits[0].secondary.subnet) == "10.0.0.8/30");
  CHECK(to_string(p30.circuits[1].primary.subnet) == "10.0.0.12/30");
  CHECK(to_string(p30.circuits[0].primary6->subnet) == "2001:db8::4/126");
  CHECK(occupied_blocks(p30.circuits[1]).size() == 4);
}

TEST_CASE("a plan that does not fit says how many circuits fit", "[peering]") {
  const Inventory inventory = inventory_of({"10.0.0.0/28"});
  const AllocationIndex index(inventory);
  PeeringRequest request = private_request({"10.0.0.0/26"});
  request.circuits = 4;
  const PeeringPlan plan = plan_peering(index, request);
  CHECK(!plan.complete());
  CHECK(plan.circuits.size() == 3);
  CHECK(any_problem_has(plan, "only 3 of 4 circuits fit"));
  // The IPv6 pool can be the short one.
  request.circuits = 1;
  request.pools6.push_back(prefix("2001:db8::/126"));
  const PeeringPlan v6_short = plan_peering(index, request);
  CHECK(v6_short.circuits.empty());
  CHECK(any_problem_has(v6_short, "IPv6 blocks in --pool6"));
}

TEST_CASE("ASN and address space refusals are problems of the plan", "[peering]") {
  const Inventory inventory = inventory_of({});
  const AllocationIndex index(inventory);
  PeeringRequest request = private_request({"10.0.0.0/24"});
  request.asn = 65000;
  const PeeringPlan low = plan_peering(index, request);
  CHECK(!low.complete());
  CHECK(!low.asn.valid);
  CHECK(any_problem_has(low, "AS65000 is refused for private peering"));

  request.asn = 8075;
  CHECK(any_problem_has(plan_peering(index, request), "AS8075"));

  request.asn = 3320;  // a public ASN: fine for Microsoft peering, but not from RFC 1918 space
  request.peering = PeeringType::kMicrosoft;
  const PeeringPlan microsoft = plan_peering(index, request);
  CHECK(microsoft.asn.valid);
  CHECK(any_problem_has(microsoft, "10.0.0.0/24 is in 10.0.0.0/8 Private-Use (RFC 1918)"));
  request.pools = {prefix("100.128.0.0/24")};
  CHECK(plan_peering(index, request).complete());
  request.pools6 = {prefix("fd00::/120")};
  CHECK(any_problem_has(plan_peering(index, request), "Unique-Local"));
}

TEST_CASE("check_peering_request refuses malformed requests", "[peering]") {
  PeeringRequest request = private_request({"10.0.0.0/24"});
  CHECK(check_peering_request(request).ok());
  request.block = 27;
  CHECK(!check_peering_request(request).ok());
  request.block = 28;
  request.circuits = 0;
  CHECK(!check_peering_request(request).ok());
  request.circuits = 2;
  request.vlan = 4094;
  CHECK(check_peering_request(request).message().find("1-4094") != std::string_view::npos);
  request.vlan = 0;
  CHECK(!check_peering_request(request).ok());
  request.vlan = 100;
  request.pools = {prefix("2001:db8::/64")};
  CHECK(!check_peering_request(request).ok());
  request.pools = {};
  CHECK(!check_peering_request(request).ok());
  request.pools = {prefix("10.0.0.0/24")};
  request.pools6 = {prefix("10.1.0.0/24")};
  CHECK(!check_peering_request(request).ok());
}

TEST_CASE("random inventories: plans never overlap used space or each other", "[peering]") {
  std::mt19937_64 rng(20261202);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> used;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      const int length = 24 + static_cast<int>(rng() % 9);
      const Address a = Address::v4(0x0a000000U + static_cast<std::uint32_t>(rng() % 1024));
      used.push_back(to_string(Prefix::containing(a, length)));
    }
    const Inventory inventory = inventory_of(used);
    const AllocationIndex index(inventory);
    PeeringRequest request = private_request({"10.0.0.0/22"});
    request.circuits = 1 + static_cast<int>(rng() % 12);
    request.block = 28 + static_cast<int>(rng() % 3);
    const PeeringPlan plan = plan_peering(index, request);
    std::vector<Prefix> taken;
    for (const CircuitPlan& c : plan.circuits) {
      for (const Prefix& block : occupied_blocks(c)) {
        CHECK(request.pools[0].covers(block));
        for (const std::string& u : used) CHECK(!block.overlaps(prefix(u)));
        for (const Prefix& other : taken) CHECK(!block.overlaps(other));
        taken.push_back(block);
      }
      CHECK(c.primary.subnet.length() == 30);
      CHECK(c.secondary.subnet.length() == 30);
      CHECK(c.primary.subnet != c.secondary.subnet);
      if (c.block) CHECK(c.block->covers(c.primary.subnet));
      if (c.block) CHECK(c.block->covers(c.secondary.subnet));
    }
    CHECK(plan.complete() == (plan.circuits.size() == static_cast<std::size_t>(request.circuits)));
  }
}
