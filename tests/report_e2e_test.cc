// report_e2e_test.cc — `ipplan report` and `--report FILE` run on the Contoso fixtures: exit
// codes, what the page holds, and the usage and input errors.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "ipplan_process.h"

using e2e::fixture_path;
using e2e::has;
using e2e::ipplan;
using e2e::Run;
using e2e::slurp;

namespace {

const std::string kInputs =
    "onprem-generic.csv netbox-prefixes.csv infoblox-networks.csv phpipam-subnets.csv "
    "onprem-datacenter.txt azure-vnets.json";

struct TempDir {
  TempDir() {
    char name[] = "/tmp/ipplan-report-XXXXXX";
    path = ::mkdtemp(name);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return path + "/" + name; }
  std::string path;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report maps the fixture pools with conflicts reservations and sources", "[e2e][report]") {
  TempDir dir;
  const std::string out = dir.file("report.html");
  const Run run = ipplan("report --pool 10.0.0.0/8 --pool 172.16.0.0/12 --pool6 2001:db8::/32 "
                         "--ledger report/ledger.csv -o " + out + " " + kInputs);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);  // the inventory has conflicts: still 0
  CHECK(run.out == "report: wrote " + out + " (3 maps, 85 records)\n");
  const std::string page = slurp(out);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(page, "<figure class=\"map\"") == 3);
  CHECK(has(page, "data-area=\"10.0.0.0/8\""));
  CHECK(has(page, "data-area=\"172.16.0.0/12\""));
  CHECK(has(page, "data-area=\"2001:db8::/32\""));
  CHECK(has(page, "4096 cells of /20 (64\u00d764)"));
  CHECK(has(page, "inside 10.0.0.0/8 (onprem-generic, container, <code>onprem-generic.csv:2</code>)"));
  // Bounded: never more cells than the three maps have.
  CHECK(count(page, "<rect class=\"cell") <= 3 * 4096);
  // 172.16.0.0/20 (onprem-datacenter) against phpIPAM's /24s: conflict cells, listed with sources.
  CHECK(has(page, "class=\"cell conflict\" x=\"0\" y=\"0\" width=\"1\" height=\"1\" fill=\"#e53935\""));
  CHECK(has(page, "13 conflicting pairs in 7 clusters"));
  CHECK(has(page, "<code>onprem-datacenter.txt:7</code>"));
  CHECK(has(page, "\"phpipam-subnets.csv:3\""));  // hover data
  // The ledger's reservations: marked on the map and listed.
  CHECK(has(page, "<table id=\"reservations\">"));
  CHECK(has(page, "<td class=\"addr\">10.200.0.0/28</td><td>ledger</td><td>container</td>"
                  "<td>expressroute circuit er-ams primary</td><td><code>report/ledger.csv:2</code>"));
  // 10.200.0.0/28 lies in 10.200.0.0/16, which two exports both claim: red and hatched.
  CHECK(has(page, "class=\"cell conflict reserved\""));
  CHECK(count(page, "<rect class=\"reserved-mark\"") >= 1);
  // Legend, utilisation, inputs.
  CHECK(has(page, "<li class=\"domain\">"));
  CHECK(has(page, "</span>vnet-hub-prod-neu</li>"));
  CHECK(has(page, "</span>phpipam-subnets</li>"));
  CHECK(has(page, "<table id=\"containers\">"));
  CHECK(has(page, "<table id=\"inputs\">"));
  CHECK_FALSE(has(page, "<table id=\"proposed\">"));
}

TEST_CASE("report --zoom adds a finer map of a sub-block", "[e2e][report]") {
  TempDir dir;
  const std::string out = dir.file("zoom.html");
  const Run run = ipplan("report -q --pool 10.0.0.0/8 --zoom 10.100.0.0/14 -o " + out + " " + kInputs);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.empty());
  const std::string page = slurp(out);
  CHECK(count(page, "<figure class=\"map\"") == 2);
  CHECK(has(page, "data-area=\"10.100.0.0/14\""));
  CHECK(has(page, "4096 cells of /26 (64\u00d764)"));
  CHECK(has(page, "data-block=\"10.100.0.0/26\""));
  // Each --pool and --zoom takes one value: an input right after one is still an input.
  const Run between = ipplan("report -q --pool 10.0.0.0/8 onprem-datacenter.txt --zoom 10.0.0.0/16 "
                             "onprem-generic.csv -o " + out);
  REQUIRE(between.exit_code == 0);
  const std::string two = slurp(out);
  CHECK(count(two, "<figure class=\"map\"") == 2);
  CHECK(has(two, "<code>onprem-datacenter.txt</code>"));
  CHECK(has(two, "<code>onprem-generic.csv</code>"));
}

TEST_CASE("report usage and input errors exit 2 and write nothing", "[e2e][report]") {
  TempDir dir;
  const std::string out = dir.file("bad.html");
  CHECK(ipplan("report --pool 10.0.0.0/8 " + kInputs).exit_code == 2);  // no -o
  CHECK(ipplan("report -o " + out + " " + kInputs).exit_code == 2);     // no --pool
  CHECK(ipplan("report --pool 10.0.0.0/8 -o " + out).exit_code == 2);   // no input
  const Run host_bits = ipplan("report --pool 10.0.0.1/8 -o " + out + " " + kInputs);
  CHECK(host_bits.exit_code == 2);
  CHECK(has(host_bits.err, "--pool: "));
  const Run v4_as_v6 = ipplan("report --pool 10.0.0.0/8 --pool6 10.1.0.0/16 -o " + out + " " + kInputs);
  CHECK(v4_as_v6.exit_code == 2);
  CHECK(has(v4_as_v6.err, "--pool6: 10.1.0.0/16 is not an IPv6 prefix"));
  const Run outside = ipplan("report --pool 10.0.0.0/8 --zoom 192.168.0.0/16 -o " + out + " " + kInputs);
  CHECK(outside.exit_code == 2);
  CHECK(has(outside.err, "--zoom: 192.168.0.0/16 is not inside any --pool or --pool6"));
  const Run bad_line = ipplan("report --pool 10.0.0.0/8 -o " + out + " malformed/list-errors.txt");
  CHECK(bad_line.exit_code == 2);
  CHECK(has(bad_line.err, "malformed/list-errors.txt:"));
  const Run missing_ledger = ipplan("report --pool 10.0.0.0/8 --ledger no-such-ledger.csv -o " + out +
                                    " " + kInputs);
  CHECK(missing_ledger.exit_code == 2);
  CHECK(has(missing_ledger.err, "no-such-ledger.csv"));
  CHECK_FALSE(std::filesystem::exists(out));
  const Run unwritable = ipplan("report --pool 10.0.0.0/8 -o " + dir.file("no/such/dir.html") + " " + kInputs);
  CHECK(unwritable.exit_code == 2);
  CHECK(has(unwritable.err, "report: cannot write " + dir.file("no/such/dir.html") + ": "));
}

TEST_CASE("verify --report maps the space covering each family", "[e2e][report]") {
  TempDir dir;
  const std::string out = dir.file("verify.html");
  const Run run = ipplan("verify -q --report " + out + " " + kInputs);
  CHECK(run.exit_code == 1);  // verify's own exit code: conflicts
  CHECK(has(run.out, "conflicts: 13 conflicting pairs in 7 clusters"));
  const std::string page = slurp(out);
  CHECK(count(page, "<figure class=\"map\"") == 2);
  CHECK(has(page, "data-area=\"0.0.0.0/0\""));
  CHECK(has(page, "data-area=\"::/0\""));
  CHECK(has(page, "<title>ipplan verify</title>"));
  CHECK(has(page, "class=\"cell conflict\""));
  const Run proven = ipplan("verify -q --report " + out + " onprem-generic.csv");
  CHECK(proven.exit_code == 0);
  CHECK(has(slurp(out), "<p class=\"proof\">Proof: verified: 14 records, 2 families, 0 conflicts.</p>"));
}

TEST_CASE("suggest --report marks the proposed blocks", "[e2e][report]") {
  TempDir dir;
  const std::string out = dir.file("suggest.html");
  const Run run = ipplan("suggest -q --pool 10.60.0.0/16 --count 3 --report " + out + " " + kInputs);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == "10.60.0.0/28\n10.60.0.16/28\n10.60.0.32/28\n");
  const std::string page = slurp(out);
  CHECK(has(page, "data-area=\"10.60.0.0/16\""));
  CHECK(has(page, "<table id=\"proposed\">"));
  for (const char* block : {"10.60.0.0/28", "10.60.0.16/28", "10.60.0.32/28"}) {
    CHECK(has(page, std::string("<td class=\"addr\">") + block + "</td>"));
  }
  // A /16 maps to /28 cells: one free, proposed cell per block, nothing else drawn.
  CHECK(count(page, "<rect class=\"cell proposed\"") == 3);
  CHECK(count(page, "<rect class=\"cell") == 3);
  CHECK(has(page, "data-block=\"10.60.0.16/28\""));
  CHECK(count(page, "<rect class=\"proposed-mark\"") == 3);
}

TEST_CASE("peering --report shows the plan and its blocks", "[e2e][report]") {
  TempDir dir;
  const std::string out = dir.file("peering.html");
  const Run run = ipplan("peering -q --pool 10.200.0.0/16 --pool6 2001:db8:ff00::/40 --asn 65010 "
                         "--report " + out + " " + kInputs);
  REQUIRE(run.exit_code == 0);
  const std::string page = slurp(out);
  CHECK(count(page, "<figure class=\"map\"") == 2);
  CHECK(has(page, "<table id=\"peering\">"));
  CHECK(has(page, "<td class=\"addr\">10.200.0.0/28</td><td class=\"addr\">10.200.0.0/30</td>"));
  CHECK(has(page, "<td class=\"addr\">2001:db8:ff00::/126</td>"));
  CHECK(has(page, "ASN 65010 for private peering: accepted"));
  CHECK(count(page, "<rect class=\"proposed-mark\"") == 2);  // the /28 and the /125
}
