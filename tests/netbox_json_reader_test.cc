// netbox_json_reader_test.cc — NetBox REST pages (one, concatenated, in an array), bare items,
// IP ranges, status shapes, VRFs, and Django dumps with VRF ids resolved through the dump.
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

CollectingSink read(std::string_view json) {
  CollectingSink sink;
  read_netbox_json(json, ReadOptions{}, sink);
  return sink;
}

std::vector<std::string> wheres(const CollectingSink& sink) {
  std::vector<std::string> out;
  for (const auto& r : sink.records) out.push_back(r.where);
  return out;
}

std::vector<std::string> errors(const CollectingSink& sink) {
  std::vector<std::string> out;
  for (const auto& e : sink.errors) out.push_back(e.where + ": " + e.text);
  return out;
}

}  // namespace

TEST_CASE("REST pages concatenated in one file: paths name the page", "[json][netbox]") {
  const CollectingSink sink = read(read_fixture("netbox-api-prefixes.json"));
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/8", "10.10.0.0/16", "10.10.1.0/24",
                                                  "10.10.2.0/24", "10.10.0.0/24",
                                                  "2001:db8:1000::/40",
                                                  "2001:db8:1000:100::/56"});
  CHECK(wheres(sink) == std::vector<std::string>{
                            "$[page 1].results[0].prefix", "$[page 1].results[1].prefix",
                            "$[page 1].results[2].prefix", "$[page 1].results[3].prefix",
                            "$[page 2].results[0].prefix", "$[page 2].results[1].prefix",
                            "$[page 2].results[2].prefix"});
  std::vector<Role> roles;
  for (const auto& r : sink.records) roles.push_back(r.role);
  CHECK(roles == std::vector<Role>{Role::kContainer, Role::kContainer, Role::kAssigned,
                                   Role::kAssigned, Role::kAssigned, Role::kContainer,
                                   Role::kAssigned});
  CHECK(sink.records[0].label == "Contoso private space (RFC 1918)");
  CHECK(sink.records[0].namespace_name.empty());
  CHECK(sink.records[4].namespace_name == "MGMT");
  CHECK(sink.records[4].label == "Out-of-band management");
  for (const auto& r : sink.records) {
    CHECK(r.domain.empty());  // the input's domain
    CHECK(r.parent == RawRecord::kNoParent);
  }
}

TEST_CASE("one page / an array of pages / bare items", "[json][netbox]") {
  const CollectingSink page = read(R"({"count": 2, "next": null, "previous": null, "results": [
      {"id": 2, "family": 4, "prefix": "10.0.255.0/24", "vrf": null,
       "status": {"value": 1, "label": "Active"}, "description": ""},
      {"id": 1, "family": 4, "prefix": "10.1.1.0/24", "vrf": null,
       "status": {"value": 1, "label": "Active"}, "description": ""}]})");
  CHECK(page.errors.empty());
  CHECK(wheres(page) ==
        std::vector<std::string>{"$.results[0].prefix", "$.results[1].prefix"});

  const CollectingSink pages = read(R"([{"results": [{"prefix": "10.0.0.0/8"}]},
      {"results": []}, {"results": null}, {"results": [null, {"prefix": "10.1.0.0/16"}]}])");
  CHECK(pages.errors.empty());
  CHECK(wheres(pages) ==
        std::vector<std::string>{"$[0].results[0].prefix", "$[3].results[1].prefix"});

  const CollectingSink items = read(R"([{"family": 6, "prefix": "2001:db8::/48", "vrf": null},
      {"family": 4, "prefix": "192.0.2.0/24", "vrf": null}])");
  CHECK(items.errors.empty());
  CHECK(wheres(items) == std::vector<std::string>{"$[0].prefix", "$[1].prefix"});

  const CollectingSink single = read(R"({"id": 9, "prefix": "198.51.100.0/24"})");
  CHECK(single.errors.empty());
  CHECK(wheres(single) == std::vector<std::string>{"$.prefix"});
}

TEST_CASE("status: slug / pre-2.6 integer / {value / label}", "[json][netbox]") {
  const CollectingSink sink = read(R"({"results": [
      {"prefix": "10.0.0.0/8", "status": "container"},
      {"prefix": "10.1.0.0/16", "status": "Container"},
      {"prefix": "10.2.0.0/16", "status": 0},
      {"prefix": "10.3.0.0/16", "status": "0"},
      {"prefix": "10.4.0.0/16", "status": {"value": "container", "label": "Container"}},
      {"prefix": "10.5.0.0/16", "status": {"value": 0, "label": "Container"}},
      {"prefix": "10.6.0.0/16", "status": {"value": 7, "label": "Container"}},
      {"prefix": "10.7.0.0/16", "status": {"label": "container"}},
      {"prefix": "10.20.0.0/16", "status": "active"},
      {"prefix": "10.21.0.0/16", "status": 1},
      {"prefix": "10.22.0.0/16", "status": {"value": "active", "label": "Active"}},
      {"prefix": "10.23.0.0/16", "status": {"value": 2, "label": "Reserved"}},
      {"prefix": "10.24.0.0/16", "status": null},
      {"prefix": "10.25.0.0/16"},
      {"prefix": "10.26.0.0/16", "status": {}},
      {"prefix": "10.27.0.0/16", "status": "containers"}]})");
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == 16);
  for (std::size_t i = 0; i < sink.records.size(); ++i) {
    INFO(sink.records[i].range);
    CHECK(sink.records[i].role == (i < 8 ? Role::kContainer : Role::kAssigned));
  }
}

TEST_CASE("VRF: null / nested object / bare name / id", "[json][netbox]") {
  const CollectingSink sink = read(R"({"results": [
      {"prefix": "10.0.0.0/8", "vrf": null},
      {"prefix": "10.0.0.0/8", "vrf": {"id": 4, "name": "Blue", "rd": "65000:4"}},
      {"prefix": "10.0.0.0/8", "vrf": "Red"},
      {"prefix": "10.0.0.0/8", "vrf": 12},
      {"prefix": "10.0.0.0/8", "vrf": {"id": 5}},
      {"prefix": "10.0.0.0/8", "vrf": {}}]})");
  CHECK(sink.errors.empty());
  std::vector<std::string> names;
  for (const auto& r : sink.records) names.push_back(r.namespace_name);
  CHECK(names == std::vector<std::string>{"", "Blue", "Red", "vrf:12", "vrf:5", ""});
}

TEST_CASE("IP ranges from /api/ipam/ip-ranges/: the mask is dropped", "[json][netbox]") {
  const CollectingSink sink = read(R"({"results": [
      {"id": 1, "family": {"value": 4, "label": "IPv4"}, "start_address": "10.0.0.10/24",
       "end_address": "10.0.0.99/24", "size": 90, "vrf": null,
       "status": {"value": "active", "label": "Active"}, "description": "DHCP pool"},
      {"id": 2, "start_address": "10.0.1.0/24", "end_address": "10.0.1.255/24"},
      {"id": 3, "start_address": "2001:db8::10/64", "end_address": "2001:db8::1f/64"},
      {"id": 4, "start_address": "192.0.2.7", "end_address": "192.0.2.7"}]})");
  CHECK(sink.errors.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.10-10.0.0.99", "10.0.1.0/24",
                                                  "2001:db8::10/124", "192.0.2.7/32"});
  CHECK(wheres(sink) == std::vector<std::string>{"$.results[0]", "$.results[1]", "$.results[2]",
                                                 "$.results[3]"});
  CHECK(sink.records[0].label == "DHCP pool");
}

TEST_CASE("Django dump: prefixes / ranges / VRF ids resolved through the dump", "[json][netbox]") {
  const CollectingSink sink = read(R"([
      {"model": "contenttypes.contenttype", "fields": {"app_label": "ipam", "model": "prefix"}},
      {"model": "ipam.prefix", "pk": 1, "fields": {"prefix": "10.112.0.0/15", "vrf": null,
        "status": "container", "description": "", "_depth": 0}},
      {"model": "ipam.prefix", "pk": 2, "fields": {"prefix": "10.112.8.0/24", "vrf": 2,
        "status": "active", "description": "Blue users"}},
      {"model": "ipam.prefix", "pk": 3, "fields": {"prefix": "10.112.9.0/24", "vrf": 9,
        "status": "active", "description": ""}},
      {"model": "ipam.iprange", "pk": 1, "fields": {"start_address": "192.168.1.0/22",
        "end_address": "192.168.1.49/22", "size": 50, "vrf": 1, "status": "reserved",
        "description": "Future use"}},
      {"model": "ipam.vrf", "pk": 1, "fields": {"name": "Alpha", "rd": "65000:100"}},
      {"model": "ipam.vrf", "pk": 2, "fields": {"name": "Bravo", "rd": "65000:200"}},
      {"model": "dcim.site", "pk": 1, "fields": {"name": "DM-Akron"}},
      {"model": "dcim.site", "pk": 2, "fields": {"name": "DM-Albany"}},
      {"model": "ipam.ipaddress", "pk": 1, "fields": {"address": "10.112.8.1/24"}}])");
  CHECK(sink.errors.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.112.0.0/15", "10.112.8.0/24",
                                                  "10.112.9.0/24", "192.168.1.0-192.168.1.49"});
  CHECK(wheres(sink) == std::vector<std::string>{"$[1].fields.prefix", "$[2].fields.prefix",
                                                 "$[3].fields.prefix", "$[4].fields"});
  CHECK(sink.records[0].role == Role::kContainer);
  CHECK(sink.records[0].namespace_name.empty());
  CHECK(sink.records[1].namespace_name == "Bravo");  // VRF listed after the prefix
  CHECK(sink.records[1].label == "Blue users");
  CHECK(sink.records[2].namespace_name == "vrf:9");  // no ipam.vrf entry for it
  CHECK(sink.records[3].namespace_name == "Alpha");
  CHECK(sink.records[3].role == Role::kAssigned);
  CHECK(sink.records[3].label == "Future use");
  // Everything else is skipped, counted once per model at its first entry.
  std::vector<std::string> skips;
  for (const auto& s : sink.skips) skips.push_back(s.where + ": " + s.text);
  CHECK(skips == std::vector<std::string>{
                     "$[0]: 1 dump entry of model \"contenttypes.contenttype\" (not a prefix or "
                     "IP range)",
                     "$[5]: 2 dump entries of model \"ipam.vrf\" (not a prefix or IP range)",
                     "$[7]: 2 dump entries of model \"dcim.site\" (not a prefix or IP range)",
                     "$[9]: 1 dump entry of model \"ipam.ipaddress\" (not a prefix or IP range)"});
}

TEST_CASE("NetBox: errors at their own path - the item is rejected", "[json][netbox][errors]") {
  const CollectingSink sink = read(R"({"results": [
      {"prefix": 10},
      {"prefix": "10.0.0.0/33"},
      {"prefix": "10.1.0.0/16", "status": ["active"]},
      {"prefix": "10.2.0.0/16", "vrf": [1]},
      {"prefix": "10.3.0.0/16", "vrf": {"name": 7}},
      {"prefix": "10.4.0.0/16", "description": 5},
      {"address": "10.5.0.1/24"},
      "10.6.0.0/16",
      {"start_address": "10.7.0.9/24", "end_address": "10.7.0.1/24"},
      {"start_address": "10.7.1.1/24", "end_address": "2001:db8::1/64"},
      {"start_address": "10.7.2.1/24"},
      {"start_address": "10.7.3.x/24", "end_address": 4},
      {"prefix": null},
      {"prefix": "10.8.0.0/16"}]})");
  CHECK(errors(sink) ==
        std::vector<std::string>{
            "$.results[0].prefix: expected a prefix string, found a number (10)",
            "$.results[1].prefix: invalid prefix \"10.0.0.0/33\": prefix length too large for the "
            "address family at column 10",
            "$.results[2].status: expected a status string or {\"value\", \"label\"} object, "
            "found an array",
            "$.results[3].vrf: expected a VRF name, id or object, found an array",
            "$.results[4].vrf.name: expected a string, found a number (7)",
            "$.results[5].description: expected a string, found a number (5)",
            "$.results[6]: no \"prefix\" and no \"start_address\"/\"end_address\" in this item",
            "$.results[7]: expected a NetBox prefix or IP range object, found a string "
            "\"10.6.0.0/16\"",
            "$.results[8]: invalid range \"10.7.0.9-10.7.0.1\": range end is before its start",
            "$.results[9]: invalid range \"10.7.1.1-2001:db8::1\": range ends are of different "
            "address families",
            "$.results[10]: an IP range needs both \"start_address\" and \"end_address\"",
            "$.results[11].start_address: invalid address \"10.7.3.x\": unexpected character "
            "at column 8",
            "$.results[11].end_address: expected an address string, found a number (4)",
            "$.results[12]: no \"prefix\" in this prefix object"});
  CHECK(sink.ranges() == std::vector<std::string>{"10.8.0.0/16"});
}

TEST_CASE("NetBox dump errors", "[json][netbox][errors]") {
  const CollectingSink sink = read(R"([
      {"model": "ipam.prefix", "pk": 1},
      {"model": "ipam.prefix", "pk": 2, "fields": []},
      {"model": 3, "pk": 3, "fields": {}},
      {"model": "ipam.prefix", "pk": 4, "fields": {"prefix": "10.0.0.0/8", "vrf": "x"}},
      {"model": "ipam.prefix", "pk": 5, "fields": {"vrf": 1}},
      {"model": "ipam.iprange", "pk": 6, "fields": {"start_address": "10.0.0.1/8"}},
      true])");
  CHECK(errors(sink) ==
        std::vector<std::string>{
            "$[0]: no \"fields\" in this ipam.prefix entry",
            "$[1].fields: expected an object, found an array",
            "$[2].model: expected a string, found a number (3)",
            "$[4].fields: no \"prefix\" in this prefix object",
            "$[5].fields: an IP range needs both \"start_address\" and \"end_address\"",
            "$[6]: expected a NetBox REST page, prefix or IP range object, or a dump entry "
            "({\"model\": ..., \"fields\": ...}), found a boolean (true)"});
  REQUIRE(sink.records.size() == 1);
  CHECK(sink.records[0].namespace_name == "x");
}

TEST_CASE("a document that is no NetBox export is one error at $", "[json][netbox][errors]") {
  for (const char* json : {"{}", "{\"value\": []}", "\"x\"", "3.5"}) {
    INFO(json);
    const CollectingSink sink = read(json);
    CHECK(sink.records.empty());
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$");
    CHECK(sink.errors[0].text.find("expected a NetBox REST page") == 0);
  }
  const CollectingSink empty_array = read("[]");
  CHECK(empty_array.records.empty());
  CHECK(empty_array.errors.empty());
}

TEST_CASE("concatenated pages: a broken page stops reading there", "[json][netbox][errors]") {
  const std::string page1 = R"({"results": [{"prefix": "10.0.0.0/8"}]})";
  const std::string page2 = R"({"results": [{"prefix": "10.1.0.0/16"}]})";
  SECTION("truncated last page") {
    const CollectingSink sink = read(page1 + "\n" + page2 + "\n{\"results\": [{\"prefix\": ");
    CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/8", "10.1.0.0/16"});
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$[page 3]");
    CHECK(sink.errors[0].text ==
          "malformed JSON at byte offset 105 (end of input, truncated?): The JSON document has an "
          "improper structure: missing or superfluous commas, braces, missing keys, etc.");
  }
  SECTION("cut inside a string: simdjson refuses the whole input before any page") {
    const CollectingSink sink = read(page1 + "\n" + page2 + "\n{\"results\": [{\"pre");
    CHECK(sink.records.empty());
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$");
    CHECK(sink.errors[0].text ==
          "malformed JSON at byte offset 99 (end of input, truncated?): A string is opened, but "
          "never closed.");
  }
  SECTION("stray bracket after the last page") {
    const CollectingSink sink = read(page1 + page2 + "]");
    CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/8"});
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$[page 2]");
    CHECK(sink.errors[0].text.find("malformed JSON at byte offset 79 (after the end of the "
                                   "document): ") == 0);
  }
  SECTION("garbage between pages") {
    const CollectingSink sink = read(page1 + " x " + page2);
    CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/8"});
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$[page 2]");
    CHECK(sink.errors[0].text.find("malformed JSON in the document starting at byte offset 40") ==
          0);
  }
}
