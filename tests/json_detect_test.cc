// json_detect_test.cc — which JSON format a document is, decided from its first keys.
#include <catch2/catch.hpp>

#include <string>

#include "fixture_file.h"
#include "ipplan/json_readers.h"

using namespace ipplan;
using ipplan::testing::read_fixture;

namespace {
constexpr auto kVnets = InputFormat::kAzureVnets;
constexpr auto kTags = InputFormat::kAzureServiceTags;
constexpr auto kNetbox = InputFormat::kNetboxJson;
}  // namespace

TEST_CASE("only text starting with a brace or a bracket is JSON", "[json][detect]") {
  CHECK_FALSE(detect_json_format(""));
  CHECK_FALSE(detect_json_format("   \n\t"));
  CHECK_FALSE(detect_json_format("10.0.0.0/8\n"));
  CHECK_FALSE(detect_json_format("prefix,vrf\n10.0.0.0/8,\n"));
  CHECK_FALSE(detect_json_format("# [comment]\n10.0.0.0/8\n"));
  CHECK_FALSE(detect_json_format("\"string\""));
  CHECK(detect_json_format("[]") == kVnets);
  CHECK(detect_json_format("\xEF\xBB\xBF \r\n [ ]") == kVnets);
  CHECK(detect_json_format("\xEF\xBB\xBF{\"values\": []}") == kTags);
}

TEST_CASE("Azure VNet shapes", "[json][detect]") {
  CHECK(detect_json_format(R"([{"addressSpace": {"addressPrefixes": []}}])") == kVnets);
  CHECK(detect_json_format(R"([{"id": "/x", "name": "v", "properties": {}}])") == kVnets);
  CHECK(detect_json_format(R"({"value": [], "nextLink": null})") == kVnets);
  CHECK(detect_json_format(R"({"count": 1, "data": [{"id": "/x"}], "skip_token": null})") ==
        kVnets);
  CHECK(detect_json_format(R"({"name": "one", "id": "/x", "properties": {}})") == kVnets);
  CHECK(detect_json_format(R"({"name": "v", "subnets": []})") == kVnets);
  // Undecided JSON goes to the VNet reader, which says which shapes it expected.
  CHECK(detect_json_format(R"({"something": "else"})") == kVnets);
  CHECK(detect_json_format(R"([1, 2])") == kVnets);
  CHECK(detect_json_format(R"([[{"model": "ipam.prefix"}]])") == kVnets);
  CHECK(detect_json_format(R"([{"name": "x"}, {"model": "ipam.prefix"}])") == kVnets);
}

TEST_CASE("service tag files", "[json][detect]") {
  CHECK(detect_json_format(R"({"changeNumber": 375, "cloud": "Public", "values": [)") == kTags);
  CHECK(detect_json_format(R"({"values": [{"name": "A", "properties": {}}]})") == kTags);
}

TEST_CASE("NetBox shapes", "[json][detect]") {
  CHECK(detect_json_format(R"({"count": 2, "next": null, "previous": null, "results": [)") ==
        kNetbox);
  CHECK(detect_json_format("{\"count\": 1, \"results\": []}\n{\"count\": 1, \"results\": []}") ==
        kNetbox);
  CHECK(detect_json_format(R"([{"count": 1, "results": []}])") == kNetbox);
  CHECK(detect_json_format(R"([{"model": "contenttypes.contenttype", "fields": {}}])") == kNetbox);
  CHECK(detect_json_format(R"([{"id": 1, "family": 4, "prefix": "10.0.0.0/8"}])") == kNetbox);
  CHECK(detect_json_format(R"({"id": 1, "prefix": "10.0.0.0/8"})") == kNetbox);
  CHECK(detect_json_format(R"([{"start_address": "10.0.0.1/24"}])") == kNetbox);
}

TEST_CASE("only keys at the top level count / never values or nested keys", "[json][detect]") {
  CHECK(detect_json_format(R"({"meta": {"results": [], "values": []}, "value": []})") == kVnets);
  CHECK(detect_json_format(R"({"name": "results", "kind": "values", "data": []})") == kVnets);
  CHECK(detect_json_format(R"({"a\"results": 1, "values": []})") == kTags);
  CHECK(detect_json_format(R"([{"properties": {"model": 1}}])") == kVnets);
  CHECK(detect_json_format(R"([{"tags": {"prefix": "x"}, "addressSpace": {}}])") == kVnets);
}

TEST_CASE("truncated or broken JSON still gets a format / never a crash", "[json][detect]") {
  CHECK(detect_json_format("{") == kVnets);
  CHECK(detect_json_format("[") == kVnets);
  CHECK(detect_json_format("[{\"resu") == kVnets);
  CHECK(detect_json_format("{\"results\"") == kVnets);  // no ':' yet: not known to be a key
  CHECK(detect_json_format("{\"results\" :") == kNetbox);
  CHECK(detect_json_format("[]]]}}}") == kVnets);
  CHECK_FALSE(detect_json_format("]]]}}}"));
  CHECK(detect_json_format(std::string(100000, '[')) == kVnets);
  CHECK(detect_json_format(std::string("{\"a\\") ) == kVnets);
  CHECK(detect_json_format(std::string("[\0]", 3)) == kVnets);
}

TEST_CASE("the fixtures are detected as what they are", "[json][detect]") {
  CHECK(detect_json_format(read_fixture("azure-vnets.json")) == kVnets);
  CHECK(detect_json_format(read_fixture("azure-vnets-arm.json")) == kVnets);
  CHECK(detect_json_format(read_fixture("servicetags-excerpt.json")) == kTags);
  CHECK(detect_json_format(read_fixture("netbox-api-prefixes.json")) == kNetbox);
  CHECK(detect_json_format(read_fixture("malformed/azure-vnets-truncated.json")) == kVnets);
  CHECK(detect_json_format(read_fixture("malformed/azure-vnets-wrong-types.json")) == kVnets);
  CHECK(detect_json_format(read_fixture("malformed/azure-vnets-syntax-error.json")) == kVnets);
  CHECK(detect_json_format(read_fixture("malformed/servicetags-wrong-shape.json")) == kTags);
  CHECK(detect_json_format(read_fixture("malformed/netbox-pages-errors.json")) == kNetbox);
  CHECK(detect_json_format(read_fixture("malformed/netbox-dump-errors.json")) == kNetbox);
}
