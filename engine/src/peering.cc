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

// One family's part of a circuit, from the blocks suggest handed out for all circuits: its
// block split into the first two links, or (independent links) two blocks of its own.
struct CircuitHalf {
  std::optional<Prefix> block;
  PeeringLink primary;
  PeeringLink secondary;
};

CircuitHalf circuit_half(const std::vector<Prefix>& blocks, std::size_t circuit, bool independent,
                         int link_length) {
  if (independent) {
    return {std::nullopt, peering_link(blocks[2 * circuit]), peering_link(blocks[2 * circuit + 1])};
  }
  const auto [primary, secondary] = first_two(blocks[circuit], link_length);
  return {blocks[circuit], peering_link(primary), peering_link(secondary)};
}

// The blocks of one family's part of a circuit: its block, or its two links.
void append_occupied(const std::optional<Prefix>& block, const PeeringLink& primary,
                     const PeeringLink& secondary, std::vector<Prefix>& blocks) {
  if (block) {
    blocks.push_back(*block);
  } else {
    blocks.push_back(primary.subnet);
    blocks.push_back(secondary.subnet);
  }
}

}  // namespace

PeeringLink peering_link(const Prefix& subnet) {
  return {subnet, plus(subnet.first(), 1), plus(subnet.first(), 2)};
}

std::vector<Prefix> occupied_blocks(const CircuitPlan& circuit) {
  std::vector<Prefix> blocks;
  append_occupied(circuit.block, circuit.primary, circuit.secondary, blocks);
  if (circuit.primary6) {
    append_occupied(circuit.block6, *circuit.primary6, *circuit.secondary6, blocks);
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
    const CircuitHalf half = circuit_half(v4.blocks, c, independent, 30);
    circuit.block = half.block;
    circuit.primary = half.primary;
    circuit.secondary = half.secondary;
    if (!request.pools6.empty()) {
      const CircuitHalf half6 = circuit_half(v6.blocks, c, independent, 126);
      circuit.block6 = half6.block;
      circuit.primary6 = half6.primary;
      circuit.secondary6 = half6.secondary;
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
