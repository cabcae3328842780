// report_html.h — the report as one self-contained HTML page: inline CSS, inline SVG maps and an
// inline script, nothing fetched (a Content-Security-Policy forbids any load), so it opens
// offline from a file.
//
// What it promises: every text that comes from inputs (labels, domains, paths, VRF names) is
// escaped (html.h); the maps are plain SVG, readable without the script (a rect per non-empty
// cell, coloured by domain, red for a conflict, hatched for a reservation, outlined when
// proposed, opacity by use, nothing where space is free); the script only adds hover details
// (built with textContent, never parsed as HTML) and click-to-zoom into aligned sub-blocks. The
// page's size is bounded by the model's: at most 4^order cells per map and kCellSampleRecords
// records per cell, plus the tables.
//
// Stable hooks for tests and tools: each map is `<figure class="map" data-area="PREFIX">`, each
// cell `<rect class="cell ..." data-block="PREFIX">`, the legend `<ul class="legend">`, tables
// `<table id="verification|containers|reservations|proposed|peering|inputs">`; after the
// script ran, each map's `.map-status` says how many cells it wired up.
#pragma once

#include <string>

#include "ipplan/inventory.h"
#include "ipplan/peering.h"
#include "ipplan/report.h"
#include "ipplan/verify.h"

namespace ipplan {

// `peering` may be null (no plan to show).
std::string render_report_html(const Inventory& inventory, const VerifyResult& verification,
                               const ReportModel& model, const PeeringPlan* peering = nullptr);

}  // namespace ipplan
