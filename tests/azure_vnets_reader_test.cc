// azure_vnets_reader_test.cc — az CLI, ARM and Resource Graph VNet exports: records, domains,
// subnet parents, the Azure lint, tolerance of null/absent keys, errors at their own path.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "collecting_sink.h"
#include "fixture_file.h"
#include "ipplan/json_readers.h"

using namespace ipplan;
using ipplan::testing::CollectingSink;
using ipplan::testing::read_fixture;

namespace {

CollectingSink read(std::string_view json, HostBits host_bits = HostBits::kReject) {
  CollectingSink sink;
  read_azure_vnets(json, ReadOptions{host_bits}, sink);
  return sink;
}

std::vector<std::string> wheres(const CollectingSink& sink) {
  std::vector<std::string> out;
  for (const auto& r : sink.records) out.push_back(r.where);
  return out;
}

constexpr std::uint32_t kNoParent = RawRecord::kNoParent;

}  // namespace

TEST_CASE("az network vnet list: flattened keys / every VNet and subnet prefix", "[json][vnets]") {
  const CollectingSink sink = read(read_fixture("azure-vnets.json"));
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  CHECK(sink.skips.empty());
  CHECK(sink.ranges() == std::vector<std::string>{
                             "10.100.0.0/16", "10.100.0.0/27", "10.100.1.0/26", "10.100.2.0/26",
                             "10.100.4.0/28", "10.101.0.0/16", "fd00:db8:101::/48",
                             "10.101.1.0/24", "fd00:db8:101:1::/64", "10.101.2.0/24",
                             "10.101.10.0/26", "10.102.0.0/16", "10.102.0.0/27", "10.102.4.0/22",
                             "10.102.8.0/22"});
  const auto& hub = sink.records[0];
  CHECK(hub.where == "$[0].addressSpace.addressPrefixes[0]");
  CHECK(hub.role == Role::kAssigned);
  CHECK(hub.namespace_name.empty());
  CHECK(hub.domain ==
        "/subscriptions/c0a8e2f4-5b7d-4e1a-9f3c-2d6b8a4e7f10/resourcegroups/"
        "rg-connectivity-prod-neu/providers/microsoft.network/virtualnetworks/vnet-hub-prod-neu");
  CHECK(hub.domain_display == "vnet-hub-prod-neu");
  CHECK(hub.label == "vnet-hub-prod-neu");
  CHECK(hub.parent == kNoParent);

  const auto& gateway = sink.records[1];
  CHECK(gateway.where == "$[0].subnets[0].addressPrefix");
  CHECK(gateway.label == "vnet-hub-prod-neu/GatewaySubnet");
  CHECK(gateway.domain == hub.domain);
  CHECK(gateway.domain_display == "vnet-hub-prod-neu");
  CHECK(gateway.parent == 0);
  CHECK(sink.records[2].label == "vnet-hub-prod-neu/AzureFirewallSubnet");

  // Dual stack: each subnet prefix has the VNet prefix of its own family as parent.
  CHECK(sink.records[7].where == "$[1].subnets[0].addressPrefixes[0]");
  CHECK(sink.records[7].parent == 5);
  CHECK(sink.records[8].where == "$[1].subnets[0].addressPrefixes[1]");
  CHECK(sink.records[8].parent == 6);
  CHECK(sink.records[8].label == "vnet-app-prod-neu/snet-web");
  CHECK(sink.records[14].parent == 11);
  for (const auto& r : sink.records) CHECK(r.role == Role::kAssigned);
}

TEST_CASE("peerings' address spaces are never records", "[json][vnets]") {
  const CollectingSink sink = read(read_fixture("azure-vnets.json"));
  // The hub's peerings name the spokes' prefixes; they appear once each, from the spokes.
  int spoke_app = 0;
  for (const auto& r : sink.records) {
    CHECK(r.where.find("virtualNetworkPeerings") == std::string::npos);
    spoke_app += r.range == "10.101.0.0/16";
  }
  CHECK(spoke_app == 1);
  const CollectingSink only_peering = read(R"([{"name": "v", "virtualNetworkPeerings": [
      {"name": "p", "remoteAddressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
       "remoteVirtualNetworkAddressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
       "localAddressSpace": {"addressPrefixes": ["10.8.0.0/16"]},
       "properties": {"remoteAddressSpace": {"addressPrefixes": ["10.7.0.0/16"]}}}]}])");
  CHECK(only_peering.records.empty());
  CHECK(only_peering.errors.empty());
}

TEST_CASE("ARM value wrapper: keys under properties", "[json][vnets]") {
  const CollectingSink sink = read(read_fixture("azure-vnets-arm.json"));
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.110.0.0/16", "10.110.0.0/27",
                                                  "10.110.1.0/26", "10.111.0.0/16",
                                                  "fd00:db8:111::/48", "10.111.1.0/24",
                                                  "fd00:db8:111:1::/64", "10.111.16.0/20"});
  CHECK(wheres(sink) == std::vector<std::string>{
                            "$.value[0].properties.addressSpace.addressPrefixes[0]",
                            "$.value[0].properties.subnets[0].properties.addressPrefix",
                            "$.value[0].properties.subnets[1].properties.addressPrefix",
                            "$.value[1].properties.addressSpace.addressPrefixes[0]",
                            "$.value[1].properties.addressSpace.addressPrefixes[1]",
                            "$.value[1].properties.subnets[0].properties.addressPrefixes[0]",
                            "$.value[1].properties.subnets[0].properties.addressPrefixes[1]",
                            "$.value[1].properties.subnets[1].properties.addressPrefix"});
  CHECK(sink.records[4].domain_display == "vnet-app-prod-weu");
  CHECK(sink.records[5].label == "vnet-app-prod-weu/snet-web");
  CHECK(sink.records[5].parent == 3);
  CHECK(sink.records[6].parent == 4);
}

TEST_CASE("Resource Graph data wrapper and a single VNet object", "[json][vnets]") {
  const CollectingSink graph = read(R"({"count": 1, "data": [
      {"id": "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V",
       "name": "V", "type": "microsoft.network/virtualnetworks", "resourceGroup": "rg",
       "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
                      "subnets": [{"name": "s", "properties": {"addressPrefix": "10.1.0.0/24"}}]}}],
      "skip_token": null, "total_records": 1})");
  CHECK(graph.errors.empty());
  REQUIRE(graph.records.size() == 2);
  CHECK(graph.records[0].where == "$.data[0].properties.addressSpace.addressPrefixes[0]");
  CHECK(graph.records[1].where == "$.data[0].properties.subnets[0].properties.addressPrefix");
  CHECK(graph.records[1].label == "V/s");
  CHECK(graph.records[1].parent == 0);

  const CollectingSink show = read(R"({"name": "V", "addressSpace": {"addressPrefixes": ["10.2.0.0/16"]},
      "subnets": [{"name": "s", "addressPrefix": "10.2.1.0/24"}]})");
  CHECK(show.errors.empty());
  REQUIRE(show.records.size() == 2);
  CHECK(show.records[0].where == "$.addressSpace.addressPrefixes[0]");
  CHECK(show.records[1].where == "$.subnets[0].addressPrefix");
  CHECK(show.records[1].parent == 0);
}

TEST_CASE("empty inputs: an empty array and empty wrappers are zero records / not errors", "[json][vnets]") {
  for (const char* json : {"[]", " [ ] \n", "{\"value\": []}", "{\"value\": null}",
                           "{\"data\": []}", "[null]", "\xEF\xBB\xBF[]"}) {
    INFO(json);
    const CollectingSink sink = read(json);
    CHECK(sink.records.empty());
    CHECK(sink.errors.empty());
    CHECK(sink.warnings.empty());
  }
}

TEST_CASE("absent keys and null are both tolerated", "[json][vnets]") {
  const CollectingSink sink = read(R"([
      {"name": "a"},
      {"name": "b", "addressSpace": null, "subnets": null, "properties": null},
      {"name": "c", "addressSpace": {"addressPrefixes": null}},
      {"name": "d", "addressSpace": {}, "subnets": []},
      {"name": "e", "addressSpace": {"addressPrefixes": ["10.5.0.0/16"]},
       "subnets": [null, {"name": "s1", "addressPrefix": null, "addressPrefixes": null},
                   {"name": "s2", "addressPrefix": "10.5.1.0/24", "addressPrefixes": null},
                   {"name": "s3", "properties": {"addressPrefix": null,
                                                 "addressPrefixes": ["10.5.2.0/24"]}}]}])");
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.5.0.0/16", "10.5.1.0/24", "10.5.2.0/24"});
  CHECK(sink.records[1].where == "$[4].subnets[2].addressPrefix");
  CHECK(sink.records[2].where == "$[4].subnets[3].properties.addressPrefixes[0]");
}

TEST_CASE("addressPrefix and addressPrefixes are united / each prefix once", "[json][vnets]") {
  const CollectingSink sink = read(R"([{"name": "v",
      "addressSpace": {"addressPrefixes": ["10.0.0.0/16", "fd00:1::/48"]},
      "subnets": [
        {"name": "same", "addressPrefix": "10.0.1.0/24", "addressPrefixes": ["10.0.1.0/24"]},
        {"name": "more", "addressPrefix": "10.0.2.0/24",
         "addressPrefixes": ["10.0.2.0/24", "fd00:1:0:2::/64", "10.0.3.0/24", "FD00:1:0:2::/64"]},
        {"name": "v6", "addressPrefixes": ["fd00:1:0:9::/64"]}]}])");
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/16", "fd00:1::/48", "10.0.1.0/24",
                                                  "10.0.2.0/24", "fd00:1:0:2::/64",
                                                  "10.0.3.0/24", "fd00:1:0:9::/64"});
  CHECK(wheres(sink)[2] == "$[0].subnets[0].addressPrefix");
  CHECK(wheres(sink)[4] == "$[0].subnets[1].addressPrefixes[1]");
  CHECK(wheres(sink)[5] == "$[0].subnets[1].addressPrefixes[2]");
  CHECK(sink.records[4].parent == 1);
  CHECK(sink.records[5].parent == 0);
  CHECK(sink.records[6].parent == 1);
  CHECK(sink.records[6].label == "v/v6");
}

TEST_CASE("a subnet's parent is the smallest VNet prefix holding it / by reader ordinal",
          "[json][vnets]") {
  const CollectingSink sink = read(R"([
      {"name": "first", "addressSpace": {"addressPrefixes": ["192.168.0.0/24"]},
       "subnets": [{"name": "all", "addressPrefix": "192.168.0.0/24"}]},
      {"name": "second", "addressSpace": {"addressPrefixes": ["10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/23"]},
       "subnets": [{"name": "deep", "addressPrefix": "10.1.2.0/24"},
                   {"name": "mid", "addressPrefix": "10.1.8.0/24"},
                   {"name": "wide", "addressPrefix": "10.9.0.0/24"}]}])");
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == 8);
  CHECK(sink.records[1].parent == 0);  // equal to its VNet prefix: still its parent
  CHECK(sink.records[5].range == "10.1.2.0/24");
  CHECK(sink.records[5].parent == 4);
  CHECK(sink.records[6].parent == 3);
  CHECK(sink.records[7].parent == 2);
}

TEST_CASE("Azure lint: subnet outside its VNet / IPv4 subnet below /29 / forbidden space",
          "[json][vnets][lint]") {
  const CollectingSink sink = read(R"([{"name": "lab",
      "addressSpace": {"addressPrefixes": ["10.0.0.0/24", "169.254.0.0/16", "fd00::/48"]},
      "subnets": [{"name": "out", "addressPrefix": "10.0.1.0/24"},
                  {"name": "tiny", "addressPrefix": "10.0.0.0/30"},
                  {"name": "ok29", "addressPrefix": "10.0.0.8/29"},
                  {"name": "v6", "addressPrefixes": ["fd00::/120", "fd01::/64"]}]}])");
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == 8);
  // Lint warns; it never drops a record.
  CHECK(sink.records[3].range == "10.0.1.0/24");
  CHECK(sink.records[3].parent == kNoParent);
  CHECK(sink.records[4].parent == 0);
  CHECK(sink.records[6].parent == 2);  // IPv6 subnets have no /29 rule
  CHECK(sink.records[7].parent == kNoParent);
  REQUIRE(sink.warnings.size() == 4);
  CHECK(sink.warnings[0].where == "$[0].addressSpace.addressPrefixes[1]");
  CHECK(sink.warnings[0].text ==
        "address space 169.254.0.0/16 overlaps 169.254.0.0/16 (link-local), which Azure does not "
        "allow in a VNet");
  CHECK(sink.warnings[1].where == "$[0].subnets[0].addressPrefix");
  CHECK(sink.warnings[1].text ==
        "subnet 10.0.1.0/24 is outside the address space of VNet \"lab\" (10.0.0.0/24, "
        "169.254.0.0/16, fd00::/48)");
  CHECK(sink.warnings[2].where == "$[0].subnets[1].addressPrefix");
  CHECK(sink.warnings[2].text ==
        "subnet 10.0.0.0/30 is smaller than /29, the smallest IPv4 subnet Azure allows");
  CHECK(sink.warnings[3].where == "$[0].subnets[3].addressPrefixes[1]");
  CHECK(sink.warnings[3].text.find("subnet fd01::/64 is outside") == 0);
}

TEST_CASE("Azure lint: each forbidden range by name / also inside a wider space",
          "[json][vnets][lint]") {
  const CollectingSink sink = read(R"([{"name": "bad", "addressSpace": {"addressPrefixes":
      ["224.1.0.0/16", "255.255.255.255/32", "127.0.0.0/8", "168.63.129.16/32", "168.63.0.0/16",
       "128.0.0.0/1", "10.0.0.0/8", "::/0"]}},
      {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
       "subnets": [{"name": "s", "addressPrefix": "10.1.0.0/24"}]}])");
  CHECK(sink.errors.empty());
  CHECK(sink.records.size() == 10);
  std::vector<std::string> texts;
  for (const auto& w : sink.warnings) texts.push_back(w.where + " " + w.text);
  const std::string tail = ", which Azure does not allow in a VNet";
  CHECK(texts == std::vector<std::string>{
                     "$[0].addressSpace.addressPrefixes[0] address space 224.1.0.0/16 overlaps "
                     "224.0.0.0/4 (multicast)" + tail,
                     "$[0].addressSpace.addressPrefixes[1] address space 255.255.255.255/32 "
                     "overlaps 255.255.255.255/32 (broadcast)" + tail,
                     "$[0].addressSpace.addressPrefixes[2] address space 127.0.0.0/8 overlaps "
                     "127.0.0.0/8 (loopback)" + tail,
                     "$[0].addressSpace.addressPrefixes[3] address space 168.63.129.16/32 "
                     "overlaps 168.63.129.16/32 (Azure's virtual public IP for DNS and health "
                     "probes)" + tail,
                     "$[0].addressSpace.addressPrefixes[4] address space 168.63.0.0/16 overlaps "
                     "168.63.129.16/32 (Azure's virtual public IP for DNS and health probes)" +
                         tail,
                     "$[0].addressSpace.addressPrefixes[5] address space 128.0.0.0/1 overlaps "
                     "224.0.0.0/4 (multicast)" + tail,
                     "$[0].addressSpace.addressPrefixes[5] address space 128.0.0.0/1 overlaps "
                     "255.255.255.255/32 (broadcast)" + tail,
                     "$[0].addressSpace.addressPrefixes[5] address space 128.0.0.0/1 overlaps "
                     "169.254.0.0/16 (link-local)" + tail,
                     "$[0].addressSpace.addressPrefixes[5] address space 128.0.0.0/1 overlaps "
                     "168.63.129.16/32 (Azure's virtual public IP for DNS and health probes)" +
                         tail,
                     "$[1].subnets[0].addressPrefix subnet 10.1.0.0/24 is outside the address "
                     "space of its VNet (10.0.0.0/16)"});
}

TEST_CASE("a VNet without address prefixes: its subnets are outside it", "[json][vnets][lint]") {
  const CollectingSink sink = read(R"([{"name": "pool", "addressSpace": {"addressPrefixes": []},
      "subnets": [{"name": "s", "addressPrefix": "10.0.0.0/24"}]}])");
  REQUIRE(sink.records.size() == 1);
  CHECK(sink.records[0].parent == kNoParent);
  REQUIRE(sink.warnings.size() == 1);
  CHECK(sink.warnings[0].text ==
        "subnet 10.0.0.0/24 is outside the address space of VNet \"pool\", which has no address "
        "prefixes");
}

TEST_CASE("the VNet identity: lower-cased id / else resource group and name", "[json][vnets]") {
  const CollectingSink sink = read(R"([
      {"id": "/subscriptions/S/resourceGroups/RG-Net/providers/Microsoft.Network/virtualNetworks/Hub",
       "name": "Hub", "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}},
      {"id": "/SUBSCRIPTIONS/s/RESOURCEGROUPS/rg-net/PROVIDERS/microsoft.network/VIRTUALNETWORKS/hub",
       "name": "hub", "addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}},
      {"name": "Spoke", "resourceGroup": "RG-App", "addressSpace": {"addressPrefixes": ["10.2.0.0/16"]}},
      {"name": "Lonely", "addressSpace": {"addressPrefixes": ["10.3.0.0/16"]}},
      {"addressSpace": {"addressPrefixes": ["10.4.0.0/16"]},
       "subnets": [{"name": "s", "addressPrefix": "10.4.0.0/24"}, {"addressPrefix": "10.4.1.0/24"}]},
      {"id": "/subscriptions/S/x", "addressSpace": {"addressPrefixes": ["10.5.0.0/16"]}}])");
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == 8);
  const std::string hub = "/subscriptions/s/resourcegroups/rg-net/providers/microsoft.network/"
                          "virtualnetworks/hub";
  CHECK(sink.records[0].domain == hub);
  CHECK(sink.records[1].domain == hub);  // Azure compares ids case-insensitively
  CHECK(sink.records[0].domain_display == "Hub");
  CHECK(sink.records[1].domain_display == "hub");
  CHECK(sink.records[2].domain == "rg-app/spoke");
  CHECK(sink.records[2].domain_display == "Spoke");
  CHECK(sink.records[3].domain == "lonely");
  // Nothing to identify it: the input's own domain.
  CHECK(sink.records[4].domain.empty());
  CHECK(sink.records[4].domain_display.empty());
  CHECK(sink.records[4].label.empty());
  CHECK(sink.records[5].label == "s");
  CHECK(sink.records[6].label.empty());
  CHECK(sink.records[7].domain == "/subscriptions/s/x");
  CHECK(sink.records[7].domain_display.empty());
}

TEST_CASE("elements of the wrong type are errors at their own path - reading goes on",
          "[json][vnets][errors]") {
  const CollectingSink sink = read(R"([
      "not a vnet",
      {"name": "a", "addressSpace": {"addressPrefixes": ["10.0.0.0/16", 10, null, true, ["x"]]}},
      {"name": "b", "addressSpace": ["10.1.0.0/16"]},
      {"name": "c", "addressSpace": {"addressPrefixes": "10.2.0.0/16"}},
      {"name": "d", "addressSpace": {"addressPrefixes": ["10.3.0.0/16"]}, "subnets": {"name": "x"}},
      {"name": "e", "addressSpace": {"addressPrefixes": ["10.4.0.0/16"]},
       "subnets": [7, {"name": "s", "addressPrefix": ["10.4.0.0/24"]},
                   {"name": "t", "addressPrefix": "10.4.1.1/24"}, {"name": "u", "properties": 3}]},
      {"name": 5, "addressSpace": {"addressPrefixes": ["10.5.0.0/16"]}},
      {"name": "f", "id": {}, "addressSpace": {"addressPrefixes": ["10.6.0.0/16"]}},
      {"name": "g", "properties": "x", "addressSpace": {"addressPrefixes": ["10.7.0.0/16"]}},
      {"name": "h", "addressSpace": {"addressPrefixes": ["10.8.0.0/16"]}}])");
  std::vector<std::string> errors;
  for (const auto& e : sink.errors) errors.push_back(e.where + ": " + e.text);
  CHECK(errors == std::vector<std::string>{
                      "$[0]: expected a VNet object, found a string \"not a vnet\"",
                      "$[1].addressSpace.addressPrefixes[1]: expected a prefix string, found a "
                      "number (10)",
                      "$[1].addressSpace.addressPrefixes[2]: expected a prefix string, found null",
                      "$[1].addressSpace.addressPrefixes[3]: expected a prefix string, found a "
                      "boolean (true)",
                      "$[1].addressSpace.addressPrefixes[4]: expected a prefix string, found an "
                      "array",
                      "$[2].addressSpace: expected an object with \"addressPrefixes\", found an "
                      "array",
                      "$[3].addressSpace.addressPrefixes: expected an array of prefixes, found a "
                      "string \"10.2.0.0/16\"",
                      "$[4].subnets: expected an array of subnets, found an object",
                      "$[5].subnets[0]: expected a subnet object, found a number (7)",
                      "$[5].subnets[1].addressPrefix: expected a prefix string, found an array",
                      "$[5].subnets[2].addressPrefix: invalid prefix \"10.4.1.1/24\": host bits "
                      "set (use --allow-host-bits to truncate) at column 1",
                      "$[5].subnets[3].properties: expected an object, found a number (3)",
                      "$[6].name: expected a string, found a number (5)",
                      "$[7].id: expected a string, found an object",
                      "$[8].properties: expected an object, found a string \"x\""});
  // What could be read was: the VNets whose identity is readable and their valid prefixes.
  CHECK(sink.ranges() ==
        std::vector<std::string>{"10.0.0.0/16", "10.3.0.0/16", "10.4.0.0/16", "10.8.0.0/16"});
}

TEST_CASE("a root that is no VNet list is one error at $", "[json][vnets][errors]") {
  for (const char* json : {"{\"something\": []}", "{}", "\"vnets\"", "42", "null"}) {
    INFO(json);
    const CollectingSink sink = read(json);
    CHECK(sink.records.empty());
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$");
    CHECK(sink.errors[0].text.find("expected an array of VNets") == 0);
  }
  const CollectingSink wrapper = read(R"({"value": {"name": "v"}})");
  REQUIRE(wrapper.errors.size() == 1);
  CHECK(wrapper.errors[0].where == "$.value");
  CHECK(wrapper.errors[0].text == "expected an array of VNets, found an object");
}

TEST_CASE("host bits are truncated on request and flagged", "[json][vnets]") {
  const std::string json = R"([{"name": "v", "addressSpace": {"addressPrefixes": ["10.0.0.1/16"]},
      "subnets": [{"name": "s", "addressPrefix": "10.0.1.9/24"}]}])";
  const CollectingSink strict = read(json);
  CHECK(strict.records.empty());
  CHECK(strict.errors.size() == 2);
  const CollectingSink lenient = read(json, HostBits::kTruncate);
  CHECK(lenient.errors.empty());
  REQUIRE(lenient.records.size() == 2);
  CHECK(lenient.records[0].range == "10.0.0.0/16");
  CHECK(lenient.records[0].host_bits_cleared);
  CHECK(lenient.records[1].range == "10.0.1.0/24");
  CHECK(lenient.records[1].host_bits_cleared);
  CHECK(lenient.records[1].parent == 0);
}

TEST_CASE("several az outputs appended to one file", "[json][vnets]") {
  const CollectingSink sink = read(
      "[{\"name\": \"a\", \"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}}]\n"
      "[]\n"
      "[{\"name\": \"b\", \"addressSpace\": {\"addressPrefixes\": [\"10.1.0.0/16\"]},"
      " \"subnets\": [{\"name\": \"s\", \"addressPrefix\": \"10.1.0.0/24\"}]}]\n");
  CHECK(sink.errors.empty());
  CHECK(wheres(sink) == std::vector<std::string>{
                            "$[document 1][0].addressSpace.addressPrefixes[0]",
                            "$[document 3][0].addressSpace.addressPrefixes[0]",
                            "$[document 3][0].subnets[0].addressPrefix"});
  CHECK(sink.records[2].parent == 1);  // ordinals count across documents
}
