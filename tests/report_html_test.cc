// report_html_test.cc — the report page: self-contained, hostile input text escaped everywhere,
// and the map, legend and tables carrying what the model says.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ipplan/parse.h"
#include "ipplan/report_html.h"
#include "test_inventory.h"

using namespace ipplan;

namespace {

struct Spec {
  std::string range;
  Role role;
  std::string domain;
  std::string label;
};

Inventory build(const std::vector<Spec>& specs) {
  std::vector<testing::TestRecord> records;
  for (const Spec& s : specs) {
    testing::TestRecord r(s.range, s.role, s.domain);
    r.label = s.label;
    records.push_back(r);
  }
  return testing::build_inventory(records, {"in<put>.txt"});
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Rendered {
  Inventory inventory;
  VerifyResult verification;
  ReportModel model;
  std::string page;
};

Rendered render(const std::vector<Spec>& specs, std::vector<Prefix> proposed = {},
                const PeeringPlan* plan = nullptr) {
  Rendered r;
  r.inventory = build(specs);
  VerifyOptions options;
  options.max_listed_per_cluster = kReportListedConflicts;
  r.verification = verify(r.inventory, options);
  ReportRequest request;
  request.title = "plan <b>";
  request.areas = {parse_prefix("10.0.0.0/16").value};
  request.max_order = 3;  // 64 cells of /22
  request.proposed = std::move(proposed);
  r.model = build_report(r.inventory, r.verification, request);
  r.page = render_report_html(r.inventory, r.verification, r.model, plan);
  return r;
}

}  // namespace

TEST_CASE("report page escapes labels domains paths and the title", "[report_html]") {
  const Rendered r = render({{"10.0.1.0/24", Role::kAssigned, "<img src=x onerror=alert(1)>",
                              "</script><script>alert(2)</script>"},
                             {"10.0.0.0/16", Role::kContainer, "dc'1\"", "DC & co"}});
  const std::string& page = r.page;
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("alert(2)</script>") == std::string::npos);
  CHECK(count(page, "<script") == 2);  // the data block and the script, nothing from inputs
  CHECK(count(page, "</script>") == 2);
  CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(page.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(2)") != std::string::npos);
  CHECK(page.find("dc&#39;1&quot;") != std::string::npos);
  CHECK(page.find("DC &amp; co") != std::string::npos);
  CHECK(page.find("in&lt;put&gt;.txt:2") != std::string::npos);  // the container table
  CHECK(page.find("in\\u003cput\\u003e.txt:1") != std::string::npos);  // hover data
  CHECK(page.find("<title>plan &lt;b&gt;</title>") != std::string::npos);
}

TEST_CASE("report page is self-contained", "[report_html]") {
  const Rendered r = render({{"10.0.1.0/24", Role::kAssigned, "a", ""}});
  CHECK(r.page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(r.page.find("Content-Security-Policy") != std::string::npos);
  CHECK(r.page.find(" src=") == std::string::npos);
  CHECK(r.page.find(" href=") == std::string::npos);
  CHECK(r.page.find("@import") == std::string::npos);
  // The only URL is the SVG namespace name, which is never fetched.
  CHECK(count(r.page, "http://") == 1);
  CHECK(count(r.page, "https://") == 0);
}

TEST_CASE("report page draws one rect per non-empty cell with its flags", "[report_html]") {
  // 10.0.0.0/16 mapped in /22 cells: the /24s fall in cell 0, the /20 spans cells 4 to 7.
  const Rendered r = render({{"10.0.1.0/24", Role::kAssigned, "onprem", "servers"},
                             {"10.0.1.0/24", Role::kAssigned, "azure", "dup"},
                             {"10.0.16.0/20", Role::kAssigned, "azure", "vnet"}},
                            {parse_prefix("10.0.200.0/28").value});
  const std::string& page = r.page;
  REQUIRE(r.model.maps.size() == 1);
  CHECK(r.model.maps[0].cells.size() == 6);
  CHECK(count(page, "<rect class=\"cell") == 6);
  CHECK(count(page, "<rect class=\"cell conflict\"") == 1);
  CHECK(page.find("data-block=\"10.0.0.0/22\"") != std::string::npos);
  CHECK(page.find("data-block=\"10.0.28.0/22\"") != std::string::npos);
  CHECK(count(page, "<rect class=\"cell proposed\"") == 1);
  CHECK(page.find("data-block=\"10.0.200.0/22\"") != std::string::npos);
  CHECK(count(page, "<rect class=\"proposed-mark\"") == 1);
  CHECK(page.find("<figure class=\"map\" data-area=\"10.0.0.0/16\">") != std::string::npos);
  // Legend: both domains once, plus the fixed entries.
  CHECK(count(page, "<li class=\"domain\">") == 2);
  CHECK(page.find("</span>onprem</li>") != std::string::npos);
  CHECK(page.find("</span>azure</li>") != std::string::npos);
  CHECK(page.find("swatch conflict") != std::string::npos);
  // Tables.
  CHECK(page.find("<table id=\"verification\">") != std::string::npos);
  CHECK(page.find("1 conflicting pairs in 1 cluster") != std::string::npos);
  CHECK(page.find("<td>duplicate</td>") != std::string::npos);
  CHECK(page.find("<table id=\"proposed\">") != std::string::npos);
  CHECK(page.find("<table id=\"inputs\">") != std::string::npos);
  CHECK(page.find("<table id=\"peering\">") == std::string::npos);
}

TEST_CASE("report page shows the proof and the peering plan when given", "[report_html]") {
  PeeringPlan plan;
  plan.asn.asn = 65010;
  plan.asn.valid = true;
  plan.asn.reason = "private ASN";
  CircuitPlan circuit;
  circuit.block = parse_prefix("10.0.9.0/28").value;
  circuit.primary = peering_link(parse_prefix("10.0.9.0/30").value);
  circuit.secondary = peering_link(parse_prefix("10.0.9.4/30").value);
  circuit.vlan = 100;
  plan.circuits = {circuit};
  const Rendered r = render({{"10.0.1.0/24", Role::kAssigned, "a", ""}}, {}, &plan);
  CHECK(r.page.find("class=\"proof\"") != std::string::npos);
  CHECK(r.page.find("verified: 1 records, 1 family, 0 conflicts") != std::string::npos);
  CHECK(r.page.find("<table id=\"peering\">") != std::string::npos);
  CHECK(r.page.find("<td class=\"addr\">10.0.9.0/30</td>") != std::string::npos);
  CHECK(r.page.find("<td class=\"addr\">10.0.9.1, 10.0.9.5</td>") != std::string::npos);
  CHECK(r.page.find("ASN 65010") != std::string::npos);
}
