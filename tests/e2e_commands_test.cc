// e2e_commands_test.cc — verify, stats, aggregate, free, suggest and peering run as a script would
// run them: on the shipped fixtures, every output format, every exit code of SPEC 7.
#include <catch2/catch.hpp>

#include <string>

#include "ipplan_process.h"

using namespace e2e;  // NOLINT: the helpers of ipplan_process.h

namespace {

// The on-prem plan plus the Azure VNets: 28 records that do not conflict, with the legacy
// ExpressRoute /30 at 172.31.255.0/30.
const std::string kClean = " onprem-datacenter.txt azure-vnets.json";

// The peering pool 172.31.255.0/24 minus the legacy /30 at its start.
const std::string kFreeInPeeringPool =
    "172.31.255.4/30\n172.31.255.8/29\n172.31.255.16/28\n172.31.255.32/27\n"
    "172.31.255.64/26\n172.31.255.128/25\n";

std::size_t count_lines(const std::string& text) {
  std::size_t lines = 0;
  for (const char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

TEST_CASE("verify proves a clean inventory in one line and exits 0", "[e2e][verify]") {
  const Run run = ipplan("verify" + kClean);
  CHECK(run.exit_code == 0);
  CHECK(run.out == "verified: 28 records, 2 families, 0 conflicts\n");
}

TEST_CASE("verify lists a conflict with both sources and exits 1", "[e2e][verify]") {
  const Run run = ipplan("verify onprem-generic.csv azure-vnets.json");
  CHECK(run.exit_code == 1);
  CHECK(has(run.out, "10.101.0.0/16 (azure-vnets.json: $[1].addressSpace.addressPrefixes[0])"));
  CHECK(has(run.out, "10.101.8.0/24 (onprem-generic.csv:9)"));
  const Run json = ipplan("verify --format json onprem-generic.csv azure-vnets.json");
  CHECK(json.exit_code == 1);
  CHECK(has(json.out, "\"ok\": false"));
  CHECK(has(json.out, "\"conflict_count\": 1"));
  CHECK(has(json.out, "\"kind\": \"contains\""));
  CHECK(has(json.out, "\"source\": \"onprem-generic.csv:9\""));
  const Run csv = ipplan("verify --format csv onprem-generic.csv azure-vnets.json");
  CHECK(csv.exit_code == 1);
  CHECK(has(csv.out, "10.101.8.0/24"));
}

TEST_CASE("verify on a malformed input computes nothing and exits 2", "[e2e][verify]") {
  const Run run = ipplan("verify malformed/list-errors.txt onprem-datacenter.txt");
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(has(run.err, "malformed/list-errors.txt:"));
  CHECK(has(run.err, "nothing computed from incomplete input"));
}

TEST_CASE("aggregate prints the minimal CIDR union per family", "[e2e][aggregate]") {
  const Run run = ipplan("aggregate onprem-datacenter.txt");
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "10.0.0.0/15\n10.255.255.1/32\n172.16.0.0/20\n172.31.255.0/30\n192.168.100.0/23\n"
        "203.0.113.0/28\n2001:db8:100::/48\nfd00:10::/32\n");
  const Run json = ipplan("aggregate --format json onprem-datacenter.txt");
  CHECK(json.out ==
        "{\"prefixes\": [\"10.0.0.0/15\",\"10.255.255.1/32\",\"172.16.0.0/20\",\"172.31.255.0/30\","
        "\"192.168.100.0/23\",\"203.0.113.0/28\",\"2001:db8:100::/48\",\"fd00:10::/32\"]}\n");
  const Run csv = ipplan("aggregate --format csv onprem-datacenter.txt");
  CHECK(csv.out == "prefix\n" + run.out);
}

TEST_CASE("stats counts records per family and domain exactly", "[e2e][stats]") {
  const Run run = ipplan("stats onprem-datacenter.txt");
  CHECK(run.exit_code == 0);
  CHECK(has(run.out, "records: 13 (13 assigned, 0 containers)"));
  // 2001:db8:100::/48 + 2001:db8:100:10::/64 + fd00:10::/32, summed exactly.
  CHECK(has(run.out, "79229371458530696296428208128"));
}

TEST_CASE("free prints the holes of the pool and its usage", "[e2e][free]") {
  const Run run = ipplan("free --pool 172.31.255.0/24" + kClean);
  CHECK(run.exit_code == 0);
  CHECK(run.out == kFreeInPeeringPool);
  CHECK(has(run.err, "252 of 256 addresses free, 4 used"));
  const Run json = ipplan("free --format json --pool 172.31.255.0/24" + kClean);
  CHECK(has(json.out, "\"pools\": [{\"pool\": \"172.31.255.0/24\", \"size\": \"256\", "
                      "\"used\": \"4\", \"free\": \"252\"}]"));
}

TEST_CASE("suggest: first-fit / best-fit / last-fit and exit 1 when fewer fit", "[e2e][suggest]") {
  const Run first = ipplan("suggest --pool 172.31.255.0/24 --count 2" + kClean);
  CHECK(first.exit_code == 0);
  CHECK(first.out == "172.31.255.16/28\n172.31.255.32/28\n");
  const Run last = ipplan("suggest --pool 172.31.255.0/24 --strategy last-fit" + kClean);
  CHECK(last.out == "172.31.255.240/28\n");
  const Run best = ipplan("suggest --pool 172.31.255.0/24 --size 30 --strategy best-fit --format json" + kClean);
  CHECK(best.out == "{\"pools\": [\"172.31.255.0/24\"], \"size\": 30, \"strategy\": \"best-fit\", "
                    "\"count\": 1, \"blocks\": [\"172.31.255.4/30\"]}\n");
  // 15 free /28s in the /24 (the first holds the legacy /30): asking for 16 prints 15, exit 1.
  const Run short_of_room = ipplan("suggest --pool 172.31.255.0/24 --count 16" + kClean);
  CHECK(short_of_room.exit_code == 1);
  CHECK(count_lines(short_of_room.out) == 15);
  CHECK(has(short_of_room.err, "only 15 of 16 free /28 blocks fit"));
  CHECK(ipplan("suggest --pool 172.31.255.0/24 --size 20" + kClean).exit_code == 2);
  CHECK(ipplan("suggest --pool 172.31.255.1/24" + kClean).exit_code == 2);
}

TEST_CASE("peering: the plan with its proof / ASN verdict and az commands", "[e2e][peering]") {
  const Run run = ipplan(
      "peering --pool 172.31.255.0/24 --pool6 2001:db8:ffff::/120 --asn 65010 "
      "--circuit-name er-ams --resource-group rg-net" + kClean);
  CHECK(run.exit_code == 0);
  CHECK(has(run.out, "verified: 28 records, 2 families, 0 conflicts\n"));
  CHECK(has(run.out, "ASN: AS65010 valid for private peering"));
  CHECK(has(run.out, "block 172.31.255.16/28, 2001:db8:ffff::/125"));
  CHECK(has(run.out, "primary    172.31.255.16/30  customer 172.31.255.17  microsoft 172.31.255.18"));
  CHECK(has(run.out, "secondary  172.31.255.20/30  customer 172.31.255.21  microsoft 172.31.255.22"));
  CHECK(has(run.out,
            "az network express-route peering create --resource-group rg-net --circuit-name er-ams "
            "--peering-type AzurePrivatePeering --peer-asn 65010 --primary-peer-subnet "
            "172.31.255.16/30 --secondary-peer-subnet 172.31.255.20/30 --vlan-id 100\n"));
  CHECK(has(run.out, "--primary-peer-subnet 2001:db8:ffff::/126 --secondary-peer-subnet "
                     "2001:db8:ffff::4/126 --vlan-id 100 --ip-version ipv6\n"));
}

TEST_CASE("peering --format az: one line per circuit and half / placeholders", "[e2e][peering]") {
  const Run run = ipplan("peering --format az --pool 172.31.255.0/24 --asn 65010 --circuits 3 --vlan 200" + kClean);
  CHECK(run.exit_code == 0);
  CHECK(count_lines(run.out) == 3);
  CHECK(has(run.out, "--resource-group <resource-group> --circuit-name <circuit-name>-1 "));
  CHECK(has(run.out, "--primary-peer-subnet 172.31.255.48/30 --secondary-peer-subnet "
                     "172.31.255.52/30 --vlan-id 202\n"));
}

TEST_CASE("peering --format json follows the SPEC shape", "[e2e][peering]") {
  const Run run = ipplan("peering --format json --block 29 --pool 172.31.255.0/24 --asn 4200000001" + kClean);
  CHECK(run.exit_code == 0);
  CHECK(has(run.out, "{\"asn\": 4200000001, \"peering\": \"private\""));
  CHECK(has(run.out, "{\"block\": \"172.31.255.8/29\", \"primary\": \"172.31.255.8/30\", "
                     "\"secondary\": \"172.31.255.12/30\", \"customer_ips\": [\"172.31.255.9\", "
                     "\"172.31.255.13\"], \"microsoft_ips\": [\"172.31.255.10\", "
                     "\"172.31.255.14\"], \"vlan\": 100}"));
}

TEST_CASE("peering refuses what a network engineer must not configure", "[e2e][peering]") {
  // A private ASN below the prerequisites' minimum.
  const Run low_asn = ipplan("peering --pool 172.31.255.0/24 --asn 64600" + kClean);
  CHECK(low_asn.exit_code == 1);
  CHECK(has(low_asn.err, "AS64600 is refused for private peering"));
  CHECK(!has(low_asn.out, "az network"));
  // Microsoft peering from RFC 1918 space, with a private ASN.
  const Run microsoft =
      ipplan("peering --format az --peering microsoft --pool 172.31.255.0/24 --asn 65010" + kClean);
  CHECK(microsoft.exit_code == 1);
  CHECK(microsoft.out.empty());
  CHECK(has(microsoft.err, "172.31.255.0/24 is in 172.16.0.0/12 Private-Use (RFC 1918)"));
  // No room: a /30 pool holds no /28.
  const Run full = ipplan("peering --pool 172.31.255.0/30 --asn 65010" + kClean);
  CHECK(full.exit_code == 1);
  CHECK(has(full.err, "only 0 of 1 circuits fit"));
  // Usage errors: exit 2.
  CHECK(ipplan("peering --pool 172.31.255.0/24 --asn 65010 --block 27" + kClean).exit_code == 2);
  CHECK(ipplan("peering --pool 172.31.255.0/24 --asn 65010 --vlan 4094 --circuits 2" + kClean).exit_code == 2);
  CHECK(ipplan("peering --pool 2001:db8::/64 --asn 65010" + kClean).exit_code == 2);
  CHECK(ipplan("peering --pool 172.31.255.0/24 --asn sixty" + kClean).exit_code == 2);
}

TEST_CASE("a repeatable option takes one value: the inputs after it stay inputs", "[e2e][cli]") {
  const Run two_pools = ipplan("free --pool 172.31.255.0/25 --pool 172.31.255.128/25" + kClean);
  CHECK(two_pools.exit_code == 0);
  CHECK(two_pools.out == kFreeInPeeringPool);
  const Run excluded = ipplan("suggest --pool 172.31.255.0/24 --exclude 172.31.255.16/28 --exclude "
                              "172.31.255.32/28 onprem-datacenter.txt");
  CHECK(excluded.exit_code == 0);
  CHECK(excluded.out == "172.31.255.48/28\n");
}
