// report_html.cc — writes the report page. Fixed text and markup are written as they are; every
// string from inputs goes through html_escape (markup) or json_in_script (the data block).
#include "ipplan/report_html.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "ipplan/format.h"
#include "ipplan/html.h"
#include "ipplan/strings.h"
#include "report_assets.h"

namespace ipplan {
namespace {

constexpr int kMapPixels = 512;
constexpr std::size_t kClustersShown = 50;
constexpr std::size_t kPairsShown = 20;

// "12.3%" (rounded down), "0%" for an empty whole.
std::string percent(const AddressCount& part, const AddressCount& whole) {
  if (whole == 0) return "0%";
  const AddressCount tenths = part * 1000 / whole;
  const auto value = tenths.convert_to<unsigned>();
  return str_cat(value / 10, ".", value % 10, "%");
}

std::string hex_value(const Address& a) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  const uint128 v = a.value();
  for (int shift = a.bits() - 4; shift >= 0; shift -= 4) {
    out += kHex[static_cast<unsigned>(v >> shift) & 0xfU];
  }
  return out;
}

// A distinct colour per legend position: a categorical palette without red (red marks
// conflicts), then golden-angle hues away from red for further domains.
std::string domain_colour(std::size_t position) {
  static constexpr std::string_view kPalette[] = {
      "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
      "#393b79", "#637939", "#6b6ecf", "#843c39", "#3182bd", "#31a354", "#756bb1", "#636363"};
  constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];
  if (position < kPaletteSize) return std::string(kPalette[position]);
  double hue = std::fmod(200.0 + 137.508 * static_cast<double>(position), 360.0);
  if (hue > 335.0 || hue < 25.0) hue = std::fmod(hue + 50.0, 360.0);
  return str_cat("hsl(", static_cast<int>(hue), ",", position % 2 == 0 ? 58 : 45, "%,",
                 position % 3 == 0 ? 46 : 38, "%)");
}

class PageWriter {
 public:
  PageWriter(const Inventory& inventory, const VerifyResult& verification,
             const ReportModel& model, const PeeringPlan* peering)
      : inventory_(inventory), verification_(verification), model_(model), peering_(peering) {
    for (const ReportMap& map : model.maps) {
      for (const ReportCell& cell : map.cells) {
        if (cell.domain != kNoDomain) legend_.emplace(cell.domain, 0);
      }
    }
    std::size_t position = 0;
    for (auto& [domain, index] : legend_) index = position++;
  }

  std::string write() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n";
    out_ += str_cat("<title>", html_escape(model_.request.title), "</title>\n<style>",
                    report_assets::kStyle, "</style>\n</head>\n<body>\n");
    out_ += str_cat("<h1>", html_escape(model_.request.title), "</h1>\n");
    out_ += str_cat("<p class=\"meta\">", inventory_.records().size(), " records from ",
                    inventory_.inputs().size(), inventory_.inputs().size() == 1 ? " input" : " inputs",
                    "; ", verification_summary(), "</p>\n");
    write_legend();
    out_ += "<section id=\"maps\">\n";
    for (std::size_t m = 0; m < model_.maps.size(); ++m) write_map(model_.maps[m], m);
    out_ += "</section>\n";
    write_verification();
    write_containers();
    write_reservations();
    write_proposed();
    if (peering_ != nullptr) write_peering();
    write_inputs();
    out_ += "<div id=\"tip\" hidden></div>\n";
    write_data();
    out_ += str_cat("<script>", report_assets::kScript, "</script>\n</body>\n</html>\n");
    return std::move(out_);
  }

 private:
  std::string verification_summary() const {
    const std::string scope = str_cat(verification_.records, " records, ", verification_.families(),
                                      verification_.families() == 1 ? " family" : " families");
    if (verification_.ok()) return str_cat("verified: ", scope, ", 0 conflicts");
    return str_cat(verification_.conflict_count, " conflicting pairs in ",
                   verification_.clusters.size(),
                   verification_.clusters.size() == 1 ? " cluster" : " clusters", " (", scope, ")");
  }

  std::string record_cells(std::uint32_t id) const {
    const Record& r = inventory_.records()[id];
    return str_cat("<td class=\"addr\">", to_string(r.range), "</td><td>",
                   html_escape(inventory_.domain_name(r.domain_id)), "</td><td>",
                   role_name(r.role), "</td><td>", html_escape(inventory_.label(r.label_id)),
                   "</td><td><code>", html_escape(inventory_.source(r)), "</code></td>");
  }
  static constexpr std::string_view kRecordHeader =
      "<th>range</th><th>domain</th><th>role</th><th>label</th><th>source</th>";

  void write_legend() {
    out_ += "<ul class=\"legend\">\n";
    for (const auto& [domain, position] : legend_) {
      out_ += str_cat("<li class=\"domain\"><span class=\"swatch\" style=\"background:",
                      domain_colour(position), "\"></span>",
                      html_escape(inventory_.domain_name(domain)), "</li>\n");
    }
    out_ += "<li><span class=\"swatch conflict\"></span>conflict</li>\n"
            "<li><span class=\"swatch reserved\"></span>reserved (ledger)</li>\n"
            "<li><span class=\"swatch proposed\"></span>proposed</li>\n"
            "<li><span class=\"swatch free\"></span>free</li>\n"
            "<li class=\"note\">fainter = less of the cell used; pale = containers only</li>\n</ul>\n";
  }

  void write_map(const ReportMap& map, std::size_t m) {
    const std::uint32_t side = 1U << map.order;
    out_ += str_cat("<figure class=\"map\" data-area=\"", to_string(map.area), "\">\n<figcaption><h2>",
                    family_name(map.area.family()), " ", to_string(map.area), "</h2>\n");
    out_ += str_cat("<div class=\"note\">", std::uint64_t{side} * side, " cells of /",
                    map.cell_length, " (", side, "\u00d7", side, "); ", map.records, " records; ",
                    to_string(map.used), " of ", to_string(map.size), " addresses used (",
                    percent(map.used, map.size), ")</div>\n");
    for (const std::uint32_t id : map.ancestors) {
      const Record& r = inventory_.records()[id];
      out_ += str_cat("<div class=\"note ancestor\">inside ", to_string(r.range), " (",
                      html_escape(inventory_.domain_name(r.domain_id)), ", ", role_name(r.role),
                      ", <code>", html_escape(inventory_.source(r)), "</code>)</div>\n");
    }
    out_ += "</figcaption>\n<div class=\"zoombar\"><button type=\"button\" class=\"zoom-out\">"
            "Zoom out</button><button type=\"button\" class=\"zoom-reset\">Whole map</button>"
            "<span class=\"view\"></span></div>\n";
    const double hatch = static_cast<double>(side) / 96.0;
    out_ += str_cat("<svg class=\"hilbert\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ",
                    side, " ", side, "\" width=\"", kMapPixels, "\" height=\"", kMapPixels,
                    "\" role=\"img\" aria-label=\"Hilbert map of ", to_string(map.area), "\">\n");
    out_ += str_cat("<defs><pattern id=\"hatch-", m,
                    "\" patternUnits=\"userSpaceOnUse\" width=\"", number(hatch), "\" height=\"",
                    number(hatch), "\" patternTransform=\"rotate(45)\"><rect width=\"",
                    number(hatch / 2), "\" height=\"", number(hatch),
                    "\" fill=\"#000\" fill-opacity=\"0.55\"/></pattern></defs>\n");
    const AddressCount cell_size = map.cells.empty() ? AddressCount(1) : address_count(map.cells[0].block);
    std::string overlays;
    for (std::size_t n = 0; n < map.cells.size(); ++n) {
      const ReportCell& cell = map.cells[n];
      std::string classes = "cell";
      std::string fill = "#9e9e9e";
      if (cell.domain != kNoDomain) fill = domain_colour(legend_.at(cell.domain));
      if (cell.conflict) {
        classes += " conflict";
        fill = "#e53935";
      }
      if (cell.reserved) classes += " reserved";
      if (cell.proposed) classes += " proposed";
      const unsigned used = (cell.used * 100 / cell_size).convert_to<unsigned>();
      // Pale where only containers hold the cell: space set aside, not yet handed out.
      const bool only_containers = cell.records > 0 && cell.records == cell.containers;
      const double opacity = cell.conflict        ? 1.0
                             : only_containers ? 0.2 + 0.3 * used / 100.0
                                               : 0.35 + 0.65 * used / 100.0;
      out_ += str_cat("<rect class=\"", classes, "\" x=\"", cell.x, "\" y=\"", cell.y,
                      "\" width=\"1\" height=\"1\" fill=\"", fill, "\" fill-opacity=\"",
                      number(opacity), "\" data-n=\"", n, "\" data-block=\"", to_string(cell.block),
                      "\"/>\n");
      if (cell.reserved) {
        overlays += str_cat("<rect class=\"reserved-mark\" x=\"", cell.x, "\" y=\"", cell.y,
                            "\" width=\"1\" height=\"1\" fill=\"url(#hatch-", m, ")\"/>\n");
      }
      if (cell.proposed) {
        overlays += str_cat("<rect class=\"proposed-mark\" x=\"", cell.x, "\" y=\"", cell.y,
                            "\" width=\"1\" height=\"1\"/>\n");
      }
    }
    out_ += overlays;
    out_ += "</svg>\n<p class=\"map-status note\">Hover details and zoom need scripts.</p>\n"
            "</figure>\n";
  }

  static std::string number(double value) {
    const long scaled = std::lround(value * 1000.0);
    std::string out = str_cat(scaled / 1000, ".");
    const long fraction = scaled % 1000;
    out += static_cast<char>('0' + fraction / 100);
    out += static_cast<char>('0' + fraction / 10 % 10);
    out += static_cast<char>('0' + fraction % 10);
    return out;
  }

  void write_verification() {
    out_ += "<h2>Verification</h2>\n";
    if (verification_.ok()) {
      out_ += str_cat("<p class=\"proof\">Proof: ", verification_summary(), ".</p>\n");
      out_ += "<table id=\"verification\"><tr><th>records</th><th>IPv4</th><th>IPv6</th>"
              "<th>conflicts</th></tr>\n";
      out_ += str_cat("<tr><td class=\"num\">", verification_.records, "</td><td class=\"num\">",
                      verification_.ipv4_records, "</td><td class=\"num\">",
                      verification_.ipv6_records, "</td><td class=\"num\">0</td></tr></table>\n");
      return;
    }
    out_ += str_cat("<p class=\"bad\">", verification_summary(), "</p>\n");
    out_ += str_cat("<table id=\"verification\"><tr><th>cluster</th><th>records</th>"
                    "<th>conflicts</th><th>kind</th>", kRecordHeader, "<th>with</th>",
                    kRecordHeader, "</tr>\n");
    const auto& clusters = verification_.clusters;
    for (std::size_t c = 0; c < clusters.size() && c < kClustersShown; ++c) {
      const ConflictCluster& cluster = clusters[c];
      out_ += str_cat("<tr class=\"cluster\"><td class=\"num\">", c + 1, "</td><td class=\"num\">",
                      cluster.records, "</td><td class=\"num\">", cluster.conflicts,
                      "</td><td>root</td>", record_cells(cluster.root),
                      "<td></td><td colspan=\"5\"></td></tr>\n");
      for (std::size_t k = 0; k < cluster.listed.size() && k < kPairsShown; ++k) {
        const Conflict& pair = cluster.listed[k];
        out_ += str_cat("<tr class=\"pair\"><td></td><td></td><td></td><td>",
                        conflict_kind_name(pair.kind), "</td>", record_cells(pair.a),
                        "<td>with</td>", record_cells(pair.b), "</tr>\n");
      }
      const std::uint64_t shown = std::min<std::uint64_t>(cluster.listed.size(), kPairsShown);
      if (cluster.conflicts > shown) {
        out_ += str_cat("<tr class=\"more\"><td colspan=\"15\">\u2026 ", cluster.conflicts - shown,
                        " more conflicting pairs in this cluster (ipplan verify --max-conflicts "
                        "lists them)</td></tr>\n");
      }
    }
    out_ += "</table>\n";
    if (clusters.size() > kClustersShown) {
      out_ += str_cat("<p class=\"note\">", clusters.size() - kClustersShown,
                      " more clusters not shown (ipplan verify lists every one).</p>\n");
    }
  }

  void write_containers() {
    out_ += "<h2>Utilisation per container</h2>\n";
    if (model_.containers.empty()) {
      out_ += "<p class=\"note\">No container records.</p>\n";
      return;
    }
    out_ += str_cat("<table id=\"containers\"><tr>", kRecordHeader,
                    "<th>records inside</th><th>used</th><th>size</th><th>utilisation</th></tr>\n");
    for (const ContainerUsage& usage : model_.containers) {
      out_ += str_cat("<tr>", record_cells(usage.record), "<td class=\"num\">", usage.children,
                      "</td><td class=\"num\">", to_string(usage.used), "</td><td class=\"num\">",
                      to_string(usage.size), "</td><td class=\"num\">",
                      percent(usage.used, usage.size), "</td></tr>\n");
    }
    out_ += "</table>\n";
    if (model_.container_count > model_.containers.size()) {
      out_ += str_cat("<p class=\"note\">The ", model_.containers.size(), " widest of ",
                      model_.container_count, " containers.</p>\n");
    }
  }

  void write_reservations() {
    out_ += "<h2>Reservations</h2>\n";
    if (model_.request.ledger_inputs.empty()) {
      out_ += "<p class=\"note\">No ledger given (--ledger LEDGER).</p>\n";
      return;
    }
    if (model_.reservations.empty()) {
      out_ += "<p class=\"note\">The ledger holds no reservations.</p>\n";
      return;
    }
    out_ += str_cat("<table id=\"reservations\"><tr>", kRecordHeader, "</tr>\n");
    for (const std::uint32_t id : model_.reservations) {
      out_ += str_cat("<tr>", record_cells(id), "</tr>\n");
    }
    out_ += "</table>\n";
  }

  void write_proposed() {
    if (model_.request.proposed.empty()) return;
    out_ += "<h2>Proposed blocks</h2>\n<table id=\"proposed\"><tr><th>#</th><th>block</th>"
            "<th>addresses</th></tr>\n";
    std::size_t n = 0;
    for (const Prefix& block : model_.request.proposed) {
      out_ += str_cat("<tr><td class=\"num\">", ++n, "</td><td class=\"addr\">", to_string(block),
                      "</td><td class=\"num\">", to_string(address_count(block)), "</td></tr>\n");
    }
    out_ += "</table>\n";
  }

  void write_peering() {
    const PeeringPlan& plan = *peering_;
    out_ += "<h2>Peering plan</h2>\n";
    out_ += str_cat("<p>ASN ", plan.asn.asn, " for ", peering_name(plan.asn.peering), " peering: ",
                    plan.asn.valid ? "accepted" : "<span class=\"bad\">refused</span>", " \u2014 ",
                    html_escape(plan.asn.reason), "</p>\n");
    for (const std::string& problem : plan.problems) {
      out_ += str_cat("<p class=\"bad\">", html_escape(problem), "</p>\n");
    }
    out_ += "<table id=\"peering\"><tr><th>circuit</th><th>VLAN</th><th>block</th>"
            "<th>primary</th><th>secondary</th><th>customer</th><th>Microsoft</th>"
            "<th>IPv6 primary</th><th>IPv6 secondary</th></tr>\n";
    std::size_t n = 0;
    for (const CircuitPlan& c : plan.circuits) {
      out_ += str_cat("<tr><td class=\"num\">", ++n, "</td><td class=\"num\">", c.vlan,
                      "</td><td class=\"addr\">", c.block ? to_string(*c.block) : "",
                      "</td><td class=\"addr\">", to_string(c.primary.subnet),
                      "</td><td class=\"addr\">", to_string(c.secondary.subnet),
                      "</td><td class=\"addr\">", to_string(c.primary.customer), ", ",
                      to_string(c.secondary.customer), "</td><td class=\"addr\">",
                      to_string(c.primary.microsoft), ", ", to_string(c.secondary.microsoft),
                      "</td><td class=\"addr\">", c.primary6 ? to_string(c.primary6->subnet) : "",
                      "</td><td class=\"addr\">",
                      c.secondary6 ? to_string(c.secondary6->subnet) : "", "</td></tr>\n");
    }
    out_ += "</table>\n";
  }

  void write_inputs() {
    out_ += "<h2>Inputs</h2>\n<table id=\"inputs\"><tr><th>input</th><th>domain</th>"
            "<th>format</th><th>records</th></tr>\n";
    for (const InputSummary& input : inventory_.inputs()) {
      out_ += str_cat("<tr><td><code>", html_escape(input.name), "</code></td><td>",
                      html_escape(input.domain), "</td><td>", format_name(input.format),
                      "</td><td class=\"num\">", input.records, "</td></tr>\n");
    }
    out_ += "</table>\n";
  }

  // The script's data: per map its geometry and, per drawn cell, the hover details.
  void write_data() {
    out_ += "<script type=\"application/json\" id=\"report-data\">{\"maps\": [";
    for (std::size_t m = 0; m < model_.maps.size(); ++m) {
      const ReportMap& map = model_.maps[m];
      out_ += str_cat(m == 0 ? "\n" : ",\n", "{\"area\": \"", to_string(map.area),
                      "\", \"family\": ", map.area.first().bits() == 32 ? 4 : 6,
                      ", \"first\": \"", hex_value(map.area.first()), "\", \"order\": ", map.order,
                      ", \"cellLength\": ", map.cell_length,
                      ", \"hostBits\": ", map.area.first().bits() - map.cell_length,
                      ", \"cells\": [");
      for (std::size_t n = 0; n < map.cells.size(); ++n) write_cell_data(map.cells[n], n == 0);
      out_ += "]}";
    }
    out_ += "]}</script>\n";
  }

  void write_cell_data(const ReportCell& cell, bool first) {
    out_ += str_cat(first ? "\n" : ",\n", "{\"b\": \"", to_string(cell.block), "\", \"n\": ",
                    cell.records, ", \"c\": ", cell.containers, ", \"u\": \"",
                    percent(cell.used, address_count(cell.block)), "\", \"d\": ",
                    json_in_script(cell.domain == kNoDomain ? std::string_view()
                                                            : inventory_.domain_name(cell.domain)),
                    ", \"f\": [");
    std::string_view separator;
    for (const auto& [flag, name] : {std::pair{cell.conflict, "conflict"},
                                      std::pair{cell.reserved, "reserved"},
                                      std::pair{cell.proposed, "proposed"}}) {
      if (!flag) continue;
      out_ += str_cat(separator, "\"", name, "\"");
      separator = ", ";
    }
    out_ += "], \"r\": [";
    separator = "";
    for (const std::uint32_t id : cell.sample) {
      const Record& r = inventory_.records()[id];
      out_ += str_cat(separator, "[\"", to_string(r.range), "\", ",
                      json_in_script(inventory_.domain_name(r.domain_id)), ", \"",
                      role_name(r.role), "\", ", json_in_script(inventory_.label(r.label_id)), ", ",
                      json_in_script(inventory_.source(r)), "]");
      separator = ", ";
    }
    out_ += "]}";
  }

  const Inventory& inventory_;
  const VerifyResult& verification_;
  const ReportModel& model_;
  const PeeringPlan* peering_;
  std::map<std::uint32_t, std::size_t> legend_;  // domain id -> colour position
  std::string out_;
};

}  // namespace

std::string render_report_html(const Inventory& inventory, const VerifyResult& verification,
                               const ReportModel& model, const PeeringPlan* peering) {
  return PageWriter(inventory, verification, model, peering).write();
}

}  // namespace ipplan
