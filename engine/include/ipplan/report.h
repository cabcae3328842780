// report.h — the model of the HTML report (`ipplan report`, `--report FILE`): Hilbert-curve maps
// of address blocks, each cell summarising the records in it, plus utilisation per container and
// the reservations. Pure data computed from an Inventory and a VerifyResult; report_html.h turns
// it into a page.
//
// A map of a block B (a pool, a --zoom block, or for `verify` the smallest prefix covering a
// family's records) cuts B into 4^order aligned cells, cell k being the k-th block in address
// order, drawn at hilbert_point(order, k): aligned blocks are squares and address neighbours are
// map neighbours. The order is the largest that keeps cells at most kDefaultMaxMapOrder deep and
// whole (a /30 pool of IPv4 gets order 1: four /32 cells), so a map never has more than
// 4^max_order cells however many records there are. Records that contain all of B (its
// ancestors) are listed once for the map and not counted in its cells.
//
// A cell says: how many records overlap it (and how many of those are containers), how many of
// its addresses at least one record covers, the domain it is coloured by (the domain with the
// most assigned records in it; without assigned records, the one with the most containers; the
// lowest domain id on a tie), whether a listed conflict touches it (the two ranges' overlap meets
// the cell), whether a reservation (a record from a ledger input) or a proposed block meets it,
// and the first few records by input order, for the hover details. Only cells with something in
// them are kept; the rest of the map is free space.
//
// Cost per map: one pass over the records, plus for each record the cells it spans (a container
// spanning the whole map costs 4^order steps), plus a sort of the records inside the map for the
// covered counts. Utilisation per container: one sort of the records, then for each container
// listed (at most max_containers, widest first) the records inside it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ipplan/address_count.h"
#include "ipplan/inventory.h"
#include "ipplan/peering.h"
#include "ipplan/prefix.h"
#include "ipplan/verify.h"

namespace ipplan {

inline constexpr int kDefaultMaxMapOrder = 6;           // 64 x 64 = 4096 cells
inline constexpr std::size_t kCellSampleRecords = 8;    // records shown per cell on hover
inline constexpr std::size_t kDefaultMaxContainers = 100;
// How many conflicting pairs per cluster a report asks verify to list: the map paints these.
inline constexpr std::size_t kReportListedConflicts = 1000;

inline constexpr std::uint32_t kNoDomain = 0xffffffffU;

struct ReportCell {
  std::uint64_t index = 0;  // position on the curve = position in address order
  std::uint32_t x = 0;
  std::uint32_t y = 0;
  Prefix block;
  std::uint64_t records = 0;     // records overlapping the cell (the map's ancestors excluded)
  std::uint64_t containers = 0;  // of which role container
  AddressCount used = 0;         // addresses of the cell covered by at least one of them
  std::uint32_t domain = kNoDomain;
  bool conflict = false;
  bool reserved = false;
  bool proposed = false;
  std::vector<std::uint32_t> sample;  // the first kCellSampleRecords records, by index
};

struct ReportMap {
  Prefix area;
  int order = 0;
  int cell_length = 0;  // prefix length of every cell
  std::vector<std::uint32_t> ancestors;  // records containing the whole area
  std::vector<ReportCell> cells;         // non-empty cells, by index
  std::uint64_t records = 0;             // records overlapping the area, ancestors excluded
  AddressCount used = 0;                 // addresses of the area covered by them
  AddressCount size = 0;
};

struct ContainerUsage {
  std::uint32_t record = 0;
  AddressCount size = 0;
  AddressCount used = 0;  // addresses covered by other records inside it
  std::uint64_t children = 0;
};

struct ReportRequest {
  std::string title = "ipplan report";
  std::vector<Prefix> areas;             // one map each, in this order
  std::vector<std::uint32_t> ledger_inputs;  // input ids whose records are reservations
  std::vector<Prefix> proposed;          // blocks proposed by suggest or peering
  int max_order = kDefaultMaxMapOrder;
  std::size_t max_containers = kDefaultMaxContainers;
};

struct ReportModel {
  ReportRequest request;
  std::vector<ReportMap> maps;
  std::vector<ContainerUsage> containers;  // widest first, at most request.max_containers
  std::uint64_t container_count = 0;       // all containers, listed or not
  std::vector<std::uint32_t> reservations;  // records of the ledger inputs, in input order
};

// The order of a map of `area` with cells at most `max_order` deep.
int map_order(const Prefix& area, int max_order);

ReportMap build_report_map(const Inventory& inventory, const VerifyResult& verification,
                           const ReportRequest& request, const Prefix& area);

ReportModel build_report(const Inventory& inventory, const VerifyResult& verification,
                         ReportRequest request);

// The smallest prefix covering every record of `family`, or nullopt when there is none (what
// `verify --report` maps).
std::optional<Prefix> covering_prefix(const Inventory& inventory, Family family);

// The blocks a peering plan takes, to mark as proposed: each circuit's block (or, with block 30,
// its two /30s) and its IPv6 /125 (or two /126s).
std::vector<Prefix> proposed_blocks(const PeeringPlan& plan);

}  // namespace ipplan
