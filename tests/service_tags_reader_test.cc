// service_tags_reader_test.cc — ServiceTags_Public.json: every prefix of every tag, a container
// in the tag's domain.
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
  read_azure_service_tags(json, ReadOptions{}, sink);
  return sink;
}
}  // namespace

TEST_CASE("the excerpt: every prefix a container / domain and label the tag name",
          "[json][servicetags]") {
  const CollectingSink sink = read(read_fixture("servicetags-excerpt.json"));
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  REQUIRE(sink.records.size() == 29);
  const auto& first = sink.records[0];
  CHECK(first.range == "20.38.149.132/30");
  CHECK(first.where == "$.values[0].properties.addressPrefixes[0]");
  CHECK(first.role == Role::kContainer);
  CHECK(first.domain == "ActionGroup");
  CHECK(first.domain_display.empty());
  CHECK(first.label == "ActionGroup");
  CHECK(first.namespace_name.empty());
  CHECK(first.parent == RawRecord::kNoParent);
  CHECK(sink.records[2].range == "2603:1030:7::1c0/124");
  const auto& westeurope = sink.records[13];
  CHECK(westeurope.range == "13.69.0.0/17");
  CHECK(westeurope.where == "$.values[3].properties.addressPrefixes[0]");
  CHECK(westeurope.domain == "AzureCloud.westeurope");
  int families[2] = {0, 0};
  for (const auto& r : sink.records) {
    CHECK(r.role == Role::kContainer);
    ++families[r.range.find(':') == std::string::npos ? 0 : 1];
  }
  CHECK(families[0] == 19);
  CHECK(families[1] == 10);
}

TEST_CASE("tags without prefixes / null and absent keys", "[json][servicetags]") {
  const CollectingSink sink = read(R"({"changeNumber": 1, "cloud": "Public", "values": [
      {"name": "Empty", "properties": {"addressPrefixes": []}},
      {"name": "NullList", "properties": {"addressPrefixes": null}},
      {"name": "NoList", "properties": {"region": ""}},
      {"name": "NullProperties", "properties": null},
      {"name": "NoProperties"},
      null,
      {"id": "OnlyId", "properties": {"addressPrefixes": ["192.0.2.0/24"]}},
      {"properties": {"addressPrefixes": ["198.51.100.0/24"]}}]})");
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == 2);
  CHECK(sink.records[0].domain == "OnlyId");
  CHECK(sink.records[0].where == "$.values[6].properties.addressPrefixes[0]");
  CHECK(sink.records[1].domain.empty());  // no name at all: the input's domain
  CHECK(read(R"({"values": []})").records.empty());
  CHECK(read(R"({"values": []})").errors.empty());
}

TEST_CASE("service tags: errors at their own path", "[json][servicetags][errors]") {
  const CollectingSink sink = read(R"({"values": [
      {"name": "A", "properties": {"addressPrefixes": ["192.0.2.0/24", 7, "192.0.2.1/24", "::/0"]}},
      "B",
      {"name": "C", "properties": ["x"]},
      {"name": "D", "properties": {"addressPrefixes": {"0": "10.0.0.0/8"}}},
      {"name": 4, "properties": {"addressPrefixes": ["10.0.0.0/8"]}}]})");
  std::vector<std::string> errors;
  for (const auto& e : sink.errors) errors.push_back(e.where + ": " + e.text);
  CHECK(errors ==
        std::vector<std::string>{
            "$.values[0].properties.addressPrefixes[1]: expected a prefix string, found a number "
            "(7)",
            "$.values[0].properties.addressPrefixes[2]: invalid prefix \"192.0.2.1/24\": host "
            "bits set (use --allow-host-bits to truncate) at column 1",
            "$.values[1]: expected a service tag object, found a string \"B\"",
            "$.values[2].properties: expected an object, found an array",
            "$.values[3].properties.addressPrefixes: expected an array of prefixes, found an "
            "object",
            "$.values[4].name: expected a string, found a number (4)"});
  CHECK(sink.ranges() == std::vector<std::string>{"192.0.2.0/24", "::/0"});
}

TEST_CASE("a document that is no service tags file is one error", "[json][servicetags][errors]") {
  for (const char* json : {"[]", "{}", "{\"value\": []}", "{\"values\": null}", "7"}) {
    INFO(json);
    const CollectingSink sink = read(json);
    CHECK(sink.records.empty());
    REQUIRE(sink.errors.size() == 1);
    CHECK(sink.errors[0].where == "$");
    CHECK(sink.errors[0].text.find("expected an object with a \"values\" array") == 0);
  }
  const CollectingSink wrong = read(R"({"values": "all"})");
  REQUIRE(wrong.errors.size() == 1);
  CHECK(wrong.errors[0].where == "$.values");
  CHECK(wrong.errors[0].text == "expected an array of service tags, found a string \"all\"");
}
