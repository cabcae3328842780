// peering.h — an ExpressRoute peering plan: per circuit, the peering block, its primary and
// secondary /30 (and /126 for IPv6), the addresses of both routers, the VLAN id, and the ASN
// verdict (SPEC sections 5 and 6).
//
// Block sizes: 28 (the 2015 prerequisites: a /28, primary = its first /30, secondary = its
// second), 29 (today's routing requirements: a /29 split into two /30), 30 (two independent
// /30s, not necessarily adjacent). IPv6, when asked: a /125 split into two /126, or two
// independent /126 with block 30. In each /30 (/126) the customer router takes the first usable
// address and Microsoft the second. Microsoft and (retired) public peering need public address
// space. Blocks come from AllocationIndex::suggest with first-fit, so a plan never overlaps
// anything in the inventory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ipplan/allocation.h"
#include "ipplan/asn.h"

namespace ipplan {

struct PeeringRequest {
  std::vector<Prefix> pools;   // IPv4
  std::vector<Prefix> pools6;  // IPv6, optional
  std::vector<Prefix> excludes;
  std::uint32_t asn = 0;
  PeeringType peering = PeeringType::kPrivate;
  int circuits = 1;
  int block = 28;  // 28, 29 or 30
  int vlan = 100;  // the first circuit's VLAN id; the next circuits count up
};

// One /30 or /126 of a peering: the customer router takes `customer`, Microsoft `microsoft`.
struct PeeringLink {
  Prefix subnet;
  Address customer;
  Address microsoft;
};

struct CircuitPlan {
  std::optional<Prefix> block;  // the /28 or /29 (absent with block 30)
  PeeringLink primary;
  PeeringLink secondary;
  std::optional<Prefix> block6;  // the /125 (absent with block 30 or without IPv6)
  std::optional<PeeringLink> primary6;
  std::optional<PeeringLink> secondary6;
  int vlan = 0;
};

struct PeeringPlan {
  AsnVerdict asn;
  std::vector<CircuitPlan> circuits;  // as many as fit (all of them when complete)
  // Why the plan cannot be used as it is: the ASN is refused, a pool is not public space for
  // Microsoft peering, or fewer circuits fit than asked for. Empty when the plan is complete.
  std::vector<std::string> problems;
  bool complete() const { return problems.empty(); }
};

// Checks the request's own shape (block size, circuit count, VLAN range, pool families):
// an error here is a usage error, not a property of the inventory.
absl::Status check_peering_request(const PeeringRequest& request);

PeeringPlan plan_peering(const AllocationIndex& index, const PeeringRequest& request);

// The blocks a circuit takes from the pools, to reserve: its block (or its two independent /30s),
// then its IPv6 block (or two /126s).
std::vector<Prefix> occupied_blocks(const CircuitPlan& circuit);

// The link of a /30 or /126: first usable address for the customer, second for Microsoft.
PeeringLink peering_link(const Prefix& subnet);

}  // namespace ipplan
