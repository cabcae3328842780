// report.cc — the report's maps and tables (see report.h for what each field means).
#include "ipplan/report.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "ipplan/hilbert.h"
#include "ipplan/range.h"

namespace ipplan {
namespace {

Address address_of(Family family, uint128 value) {
  return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value))
                               : Address::v6(value);
}

Range intersection(const Range& a, const Range& b) {
  return *Range::make(std::max(a.first(), b.first()), std::min(a.last(), b.last()));
}

// Cell arithmetic of one map: which cells an address range spans, and each cell's block.
class CellGrid {
 public:
  CellGrid(const Prefix& area, int order)
      : area_(area), cell_length_(area.length() + 2 * order),
        host_bits_(area.first().bits() - cell_length_) {}

  std::uint64_t cell_of(Address a) const {
    if (host_bits_ >= 128) return 0;
    return static_cast<std::uint64_t>((a.value() - area_.first().value()) >> host_bits_);
  }
  Prefix block(std::uint64_t cell) const {
    const uint128 offset = host_bits_ >= 128 ? 0 : uint128{cell} << host_bits_;
    return Prefix::containing(address_of(area_.family(), area_.first().value() + offset),
                              cell_length_);
  }
  int cell_length() const { return cell_length_; }

 private:
  Prefix area_;
  int cell_length_;
  int host_bits_;
};

// Sorts and merges `ranges` (one family) into disjoint, non-adjacent ranges.
std::vector<Range> merged(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<Range> out;
  for (const Range& r : ranges) {
    if (!out.empty() &&
        (r.first() <= out.back().last() ||
         (!out.back().last().is_highest() && r.first() == out.back().last().next()))) {
      if (r.last() > out.back().last()) out.back() = *Range::make(out.back().first(), r.last());
    } else {
      out.push_back(r);
    }
  }
  return out;
}

struct DomainTally {
  std::uint64_t assigned = 0;
  std::uint64_t containers = 0;
};

// Picks each cell's colour: most assigned records, else most containers; lowest id on a tie.
void choose_domains(const absl::flat_hash_map<std::uint64_t, DomainTally>& tallies,
                    std::vector<ReportCell>& cells) {
  struct Best {
    std::uint64_t assigned = 0;
    std::uint32_t assigned_domain = kNoDomain;
    std::uint64_t containers = 0;
    std::uint32_t container_domain = kNoDomain;
  };
  std::vector<Best> best(cells.size());
  for (const auto& [key, tally] : tallies) {
    Best& b = best[key >> 32];
    const auto domain = static_cast<std::uint32_t>(key);
    if (tally.assigned > b.assigned ||
        (tally.assigned > 0 && tally.assigned == b.assigned && domain < b.assigned_domain)) {
      b.assigned = tally.assigned;
      b.assigned_domain = domain;
    }
    if (tally.containers > b.containers ||
        (tally.containers > 0 && tally.containers == b.containers &&
         domain < b.container_domain)) {
      b.containers = tally.containers;
      b.container_domain = domain;
    }
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    cells[c].domain = best[c].assigned > 0 ? best[c].assigned_domain : best[c].container_domain;
  }
}

}  // namespace

int map_order(const Prefix& area, int max_order) {
  const int host_bits = area.first().bits() - area.length();
  return std::clamp(host_bits / 2, 0, std::min(max_order, kMaxHilbertOrder));
}

ReportMap build_report_map(const Inventory& inventory, const VerifyResult& verification,
                           const ReportRequest& request, const Prefix& area) {
  ReportMap map;
  map.area = area;
  map.order = map_order(area, request.max_order);
  const CellGrid grid(area, map.order);
  map.cell_length = grid.cell_length();
  map.size = address_count(area);
  const Range whole(area);
  const std::uint64_t cell_count = std::uint64_t{1} << (2 * map.order);
  std::vector<ReportCell> cells(cell_count);
  const auto& records = inventory.records();
  const auto is_ledger = [&](std::uint32_t input) {
    return std::find(request.ledger_inputs.begin(), request.ledger_inputs.end(), input) !=
           request.ledger_inputs.end();
  };
  absl::flat_hash_map<std::uint64_t, DomainTally> tallies;
  std::vector<Range> inside;
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    const Record& r = records[id];
    if (!r.range.overlaps(whole)) continue;
    if (r.range.covers(whole)) {
      map.ancestors.push_back(id);
      continue;
    }
    ++map.records;
    const Range clipped = intersection(r.range, whole);
    inside.push_back(clipped);
    const bool container = r.role == Role::kContainer;
    const bool reserved = is_ledger(r.input_id);
    const std::uint64_t last = grid.cell_of(clipped.last());
    for (std::uint64_t c = grid.cell_of(clipped.first()); c <= last; ++c) {
      ReportCell& cell = cells[c];
      ++cell.records;
      if (container) ++cell.containers;
      if (reserved) cell.reserved = true;
      if (cell.sample.size() < kCellSampleRecords) cell.sample.push_back(id);
      DomainTally& tally = tallies[(c << 32) | r.domain_id];
      ++(container ? tally.containers : tally.assigned);
    }
  }
  choose_domains(tallies, cells);
  const auto mark = [&](const Range& range, bool ReportCell::*flag) {
    if (!range.overlaps(whole)) return;
    const Range clipped = intersection(range, whole);
    const std::uint64_t last = grid.cell_of(clipped.last());
    for (std::uint64_t c = grid.cell_of(clipped.first()); c <= last; ++c) cells[c].*flag = true;
  };
  for (const ConflictCluster& cluster : verification.clusters) {
    for (const Conflict& k : cluster.listed) {
      const Range& a = records[k.a].range;
      const Range& b = records[k.b].range;
      if (a.overlaps(b)) mark(intersection(a, b), &ReportCell::conflict);
    }
  }
  for (const Prefix& block : request.proposed) mark(Range(block), &ReportCell::proposed);
  for (const Range& used : merged(std::move(inside))) {
    map.used += address_count(used);
    const std::uint64_t last = grid.cell_of(used.last());
    for (std::uint64_t c = grid.cell_of(used.first()); c <= last; ++c) {
      cells[c].used += address_count(intersection(used, Range(grid.block(c))));
    }
  }
  for (std::uint64_t c = 0; c < cell_count; ++c) {
    ReportCell& cell = cells[c];
    if (cell.records == 0 && !cell.proposed && !cell.conflict) continue;
    cell.index = c;
    const HilbertPoint p = hilbert_point(map.order, c);
    cell.x = p.x;
    cell.y = p.y;
    cell.block = grid.block(c);
    map.cells.push_back(std::move(cell));
  }
  return map;
}

ReportModel build_report(const Inventory& inventory, const VerifyResult& verification,
                         ReportRequest request) {
  ReportModel model;
  for (const Prefix& area : request.areas) {
    model.maps.push_back(build_report_map(inventory, verification, request, area));
  }
  const auto& records = inventory.records();
  std::vector<std::uint32_t> containers;
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    const Record& r = records[id];
    if (std::find(request.ledger_inputs.begin(), request.ledger_inputs.end(), r.input_id) !=
        request.ledger_inputs.end()) {
      model.reservations.push_back(id);
    }
    if (r.role == Role::kContainer) containers.push_back(id);
  }
  model.container_count = containers.size();
  // Widest first (address order on a tie), then the ones kept shown in address order.
  std::sort(containers.begin(), containers.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Range& ra = records[a].range;
    const Range& rb = records[b].range;
    if (ra.family() != rb.family()) return ra.family() < rb.family();
    if (ra.span() != rb.span()) return ra.span() > rb.span();
    return std::tie(ra, a) < std::tie(rb, b);
  });
  if (containers.size() > request.max_containers) containers.resize(request.max_containers);
  std::sort(containers.begin(), containers.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(records[a].range, a) < std::tie(records[b].range, b);
  });
  if (!containers.empty()) {
    std::vector<std::uint32_t> by_first(records.size());
    std::iota(by_first.begin(), by_first.end(), 0U);
    std::sort(by_first.begin(), by_first.end(), [&](std::uint32_t a, std::uint32_t b) {
      return records[a].range.first() < records[b].range.first();
    });
    for (const std::uint32_t id : containers) {
      const Range& outer = records[id].range;
      ContainerUsage usage;
      usage.record = id;
      usage.size = address_count(outer);
      std::vector<Range> children;
      auto it = std::lower_bound(by_first.begin(), by_first.end(), outer.first(),
                                 [&](std::uint32_t r, const Address& a) {
                                   return records[r].range.first() < a;
                                 });
      for (; it != by_first.end() && records[*it].range.first() <= outer.last(); ++it) {
        if (*it != id && outer.covers(records[*it].range)) children.push_back(records[*it].range);
      }
      usage.children = children.size();
      for (const Range& r : merged(std::move(children))) usage.used += address_count(r);
      model.containers.push_back(usage);
    }
  }
  model.request = std::move(request);
  return model;
}

std::optional<Prefix> covering_prefix(const Inventory& inventory, Family family) {
  std::optional<Address> lowest;
  std::optional<Address> highest;
  for (const Record& r : inventory.records()) {
    if (r.range.family() != family) continue;
    if (!lowest || r.range.first() < *lowest) lowest = r.range.first();
    if (!highest || r.range.last() > *highest) highest = r.range.last();
  }
  if (!lowest) return std::nullopt;
  const int differing = bit_width(lowest->value() ^ highest->value());
  return Prefix::containing(*lowest, lowest->bits() - differing);
}

std::vector<Prefix> proposed_blocks(const PeeringPlan& plan) {
  std::vector<Prefix> blocks;
  for (const CircuitPlan& c : plan.circuits) {
    if (c.block) {
      blocks.push_back(*c.block);
    } else {
      blocks.push_back(c.primary.subnet);
      blocks.push_back(c.secondary.subnet);
    }
    if (c.block6) {
      blocks.push_back(*c.block6);
    } else if (c.primary6 && c.secondary6) {
      blocks.push_back(c.primary6->subnet);
      blocks.push_back(c.secondary6->subnet);
    }
  }
  return blocks;
}

}  // namespace ipplan
