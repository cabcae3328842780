// proof_builder_test.cc — the compact road to a proof (ProofBuilder into ProofRecords, what
// `ipplan verify` reads into) against the Inventory road: the same records, sources and
// conflicts, on the fixtures of every format and on lists whose line numbers break their runs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ipplan/inventory.h"
#include "ipplan/loader.h"
#include "ipplan/proof_builder.h"
#include "ipplan/run_column.h"
#include "ipplan/verify.h"
#include "scratch_files.h"

using namespace ipplan;
using ipplan::testing::ScratchDir;
using ipplan::testing::write_file;

TEST_CASE("RunColumn keeps one entry per change and answers every id", "[proof]") {
  RunColumn<int> column;
  const std::vector<int> values = {7, 7, 7, 3, 3, 7, 9, 9, 9, 9};
  for (std::uint32_t id = 0; id < values.size(); ++id) column.push(id, values[id]);
  CHECK(column.runs() == 4);
  for (std::uint32_t id = 0; id < values.size(); ++id) CHECK(column.at(id) == values[id]);
}

TEST_CASE("SequenceColumn keeps one entry per break in a +1 sequence", "[proof]") {
  SequenceColumn column;
  // Lines of a list with a comment after line 3 and a blank line after line 7; then a value
  // that goes down (a second input) and a repeat.
  const std::vector<std::uint32_t> values = {1, 2, 3, 5, 6, 7, 9, 1, 2, 2, 0xffffffffU, 0};
  for (std::uint32_t id = 0; id < values.size(); ++id) column.push(id, values[id]);
  CHECK(column.runs() == 6);  // 1.., 5.., 9, 1.., 2, 0xffffffff.. (which wraps to 0)
  for (std::uint32_t id = 0; id < values.size(); ++id) CHECK(column.at(id) == values[id]);
}

namespace {

// Fixtures of each format (Azure parent links and JSON paths, NetBox VRFs and containers,
// Infoblox network views) and two lists that overlap them and each other, with comments and
// blank lines between records.
std::vector<InputSpec> proof_inputs(const ScratchDir& dir) {
  write_file(dir / "one.txt",
             "10.10.1.0/24\n# a comment\n10.10.1.0/24\n\n10.10.0.0/15\n10.20.30.128/25\n"
             "2001:db8:10::/48\n10.1.0.0/16\n");
  write_file(dir / "two.txt", "10.10.1.0/24\n10.10.0.128/25\n\n\n10.10.0.0/23\n2001:db8::/32\n");
  std::vector<InputSpec> specs;
  for (const char* name : {"azure-vnets.json", "netbox-prefixes.csv", "infoblox-networks.csv",
                           "onprem-datacenter.txt", "phpipam-subnets.csv"}) {
    specs.push_back(InputSpec::parse(std::string(IPPLAN_FIXTURES) + "/" + name));
  }
  specs.push_back(InputSpec::parse(dir / "one.txt"));
  specs.push_back(InputSpec::parse(dir / "two.txt"));
  return specs;
}

void check_same_result(const VerifyResult& compact, const VerifyResult& full,
                       const Inventory& inventory) {
  CHECK(compact.records == full.records);
  CHECK(compact.ipv4_records == full.ipv4_records);
  CHECK(compact.ipv6_records == full.ipv6_records);
  CHECK(compact.conflict_count == full.conflict_count);
  REQUIRE(compact.clusters.size() == full.clusters.size());
  for (std::size_t c = 0; c < full.clusters.size(); ++c) {
    const ConflictCluster& x = compact.clusters[c];
    const ConflictCluster& y = full.clusters[c];
    CHECK(x.root == y.root);
    CHECK(x.records == y.records);
    CHECK(x.conflicts == y.conflicts);
    REQUIRE(x.listed.size() == y.listed.size());
    for (std::size_t k = 0; k < y.listed.size(); ++k) {
      CHECK(x.listed[k].kind == y.listed[k].kind);
      CHECK(x.listed[k].a == y.listed[k].a);
      CHECK(x.listed[k].b == y.listed[k].b);
    }
  }
  // Every record a result names comes with its range.
  for (const VerifyResult* result : {&compact, &full}) {
    for (const ConflictCluster& c : result->clusters) {
      CHECK(result->ranges.at(c.root) == inventory.records()[c.root].range);
      for (const Conflict& k : c.listed) {
        CHECK(result->ranges.at(k.a) == inventory.records()[k.a].range);
        CHECK(result->ranges.at(k.b) == inventory.records()[k.b].range);
      }
    }
  }
}

}  // namespace

TEST_CASE("ProofBuilder keeps what an Inventory keeps (labels aside) and proves the same",
          "[proof][verify]") {
  const ScratchDir dir;
  const std::vector<InputSpec> specs = proof_inputs(dir);
  const LoadOptions options;

  Inventory inventory;
  const LoadResult loaded = load_inventory(specs, options, inventory, nullptr);
  Inventory names;
  ProofRecords records;
  ProofBuilder builder(names, records, nullptr);
  const LoadResult read = read_inputs(specs, options, builder);

  CHECK(loaded.errors == 0);
  CHECK(read.errors == 0);
  REQUIRE(records.size() == inventory.records().size());
  REQUIRE(names.inputs().size() == inventory.inputs().size());
  for (std::size_t i = 0; i < names.inputs().size(); ++i) {
    CHECK(names.inputs()[i].name == inventory.inputs()[i].name);
    CHECK(names.inputs()[i].records == inventory.inputs()[i].records);
  }
  bool some_parent = false;
  bool some_json_path = false;
  bool some_namespace = false;
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    const Record& full = inventory.records()[id];
    const Record compact = builder.rebuild_record(id, full.range);
    INFO("record " << id << " from " << inventory.source(full));
    Record unlabelled = full;  // a proof keeps no labels
    unlabelled.label_id = 0;
    CHECK(compact == unlabelled);
    CHECK(names.source(compact) == inventory.source(full));
    CHECK(names.domain_name(compact.domain_id) == inventory.domain_name(full.domain_id));
    some_parent |= full.parent != Record::kNoParent;
    some_json_path |= full.location_is_json_path;
    some_namespace |= full.namespace_id != 0;
  }
  // The inputs exercise what the columns compress.
  CHECK(some_parent);
  CHECK(some_json_path);
  CHECK(some_namespace);

  VerifyOptions each_vrf;
  each_vrf.max_listed_per_cluster = 3;
  VerifyOptions all_vrfs = each_vrf;
  all_vrfs.all_vrfs = true;
  VerifyOptions grouped = each_vrf;
  grouped.vrf_groups = {{"PROD", "global"}};
  for (const VerifyOptions* verify_options : {&each_vrf, &all_vrfs, &grouped}) {
    // verify() sorts and joins the arrays it is given: a fresh copy for each run.
    ProofRecords copy = records;
    const VerifyResult compact = verify(copy, names, *verify_options);
    const VerifyResult full = verify(inventory, *verify_options);
    CHECK(full.conflict_count > 0);
    check_same_result(compact, full, inventory);
  }
}
