// peering.cc — turning free blocks into an ExpressRoute peering plan.
#include "ipplan/peering.h"

#include "ipplan/format.h"
#include "ipplan/special_purpose.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

Address plus(const Address& a, unsigned n) {
  return a.is_v4() ? Address::v4(a.v4_value() + n) : Address::v6(a.value() + n);
}

// Splits each block into its lower and upper half (a /28 gives its first two /30s when asked
// for /30 halves: the first /30 and the one after it).
std::pair<Prefix, Prefix> first_two(const Prefix& block, int link_length) {
  const Prefix first = Prefix::containing(block.first(), link_length);
  const Prefix second = Prefix::containing(first.last().next(), link_length);
  return {first, second};
}

}  // namespace

PeeringLink peering_link(const Prefix& subnet) {
  return {subnet, plus(subnet.first(), 1), plus(subnet.first(), 2)};
}

std::vector<Prefix> occupied_blocks(const CircuitPlan& circuit) {
  std::vector<Prefix> blocks;
  if (circuit.block) {
    blocks.push_back(*circuit.block);
  } else {
    blocks.push_back(circuit.primary.subnet);
    blocks.push_back(circuit.secondary.subnet);
  }
  if (circuit.block6) {
    blocks.push_back(*circuit.block6);
  } else if (circuit.primary6) {
    blocks.push_back(circuit.primary6->subnet);
    blocks.push_back(circuit.secondary6->subnet);
  }
  return blocks;
}

absl::Status check_peering_request(const PeeringRequest& request) {
  if (request.block != 28 && request.block != 29 && request.block != 30) {
    return absl::InvalidArgumentError(
        str_cat("--block ", request.block, ": must be 28, 29 or 30"));
  }
  if (request.circuits < 1 || request.circuits > 4094) {
    return absl::InvalidArgumentError(str_cat("--circuits ", request.circuits, ": must be 1-4094"));
  }
  if (request.vlan < 1 || request.vlan + request.circuits - 1 > 4094) {
    return absl::InvalidArgumentError(
        str_cat("--vlan ", request.vlan, " with ", request.circuits,
                " circuits needs VLAN ids up to ", request.vlan + request.circuits - 1,
                "; 802.1Q VLAN ids are 1-4094"));
  }
  if (request.pools.empty()) return absl::InvalidArgumentError("--pool is required");
  for (const Prefix& pool : request.pools) {
    if (!pool.first().is_v4()) {
      return absl::InvalidArgumentError(
          str_cat("--pool ", to_string(pool), ": an IPv4 pool; give IPv6 pools with --pool6"));
    }
  }
  for (const Prefix& pool : request.pools6) {
    if (!pool.first().is_v6()) {
      return absl::InvalidArgumentError(str_cat("--pool6 ", to_string(pool), ": not an IPv6 pool"));
    }
  }
  return absl::OkStatus();
}

PeeringPlan plan_peering(const AllocationIndex& index, const PeeringRequest& request) {
  PeeringPlan plan;
  plan.asn = check_asn(request.asn, request.peering);
  if (!plan.asn.valid) {
    plan.problems.push_back(str_cat("AS", request.asn, " is refused for ",
                                    peering_name(request.peering), " peering: ", plan.asn.reason));
  }
  if (request.peering != PeeringType::kPrivate) {
    for (const std::vector<Prefix>* pools : {&request.pools, &request.pools6}) {
      for (const Prefix& pool : *pools) {
        if (const auto reason = not_public_reason(pool)) {
          plan.problems.push_back(str_cat(peering_name(request.peering),
                                          " peering needs public address space you own: ", *reason));
        }
      }
    }
  }
  const auto circuits = static_cast<std::size_t>(request.circuits);
  const bool independent = request.block == 30;
  // IPv4: one /28 or /29 per circuit, or two /30s per circuit.
  const Suggestion v4 = index.suggest(request.pools, request.excludes, request.block,
                                      independent ? 2 * circuits : circuits, Strategy::kFirstFit);
  const std::size_t v4_circuits = independent ? v4.blocks.size() / 2 : v4.blocks.size();
  std::size_t fit = v4_circuits;
  Suggestion v6;
  if (!request.pools6.empty()) {
    v6 = index.suggest(request.pools6, request.excludes, independent ? 126 : 125,
                       independent ? 2 * circuits : circuits, Strategy::kFirstFit);
    fit = std::min(fit, independent ? v6.blocks.size() / 2 : v6.blocks.size());
  }
  for (std::size_t c = 0; c < fit; ++c) {
    CircuitPlan circuit;
    circuit.vlan = request.vlan + static_cast<int>(c);
    if (independent) {
      circuit.primary = peering_link(v4.blocks[2 * c]);
      circuit.secondary = peering_link(v4.blocks[2 * c + 1]);
    } else {
      circuit.block = v4.blocks[c];
      const auto [primary, secondary] = first_two(v4.blocks[c], 30);
      circuit.primary = peering_link(primary);
      circuit.secondary = peering_link(secondary);
    }
    if (!request.pools6.empty()) {
      if (independent) {
        circuit.primary6 = peering_link(v6.blocks[2 * c]);
        circuit.secondary6 = peering_link(v6.blocks[2 * c + 1]);
      } else {
        circuit.block6 = v6.blocks[c];
        const auto [primary, secondary] = first_two(v6.blocks[c], 126);
        circuit.primary6 = peering_link(primary);
        circuit.secondary6 = peering_link(secondary);
      }
    }
    plan.circuits.push_back(circuit);
  }
  if (fit < circuits) {
    plan.problems.push_back(str_cat("only ", fit, " of ", circuits,
                                    " circuits fit: not enough free /", request.block,
                                    fit < v4_circuits ? " IPv6 blocks in --pool6" : " blocks in --pool"));
  }
  return plan;
}

}  // namespace ipplan
