// test_inventory.h — builds an Inventory from short record specs, for tests of what consumes one
// (verify, the report). Each spec names its input by position; inputs are begun in order and a
// record's line is its position in the spec list, counted from 1.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ipplan/inventory.h"
#include "ipplan/parse.h"

namespace ipplan::testing {

struct TestRecord {
  TestRecord() = default;
  TestRecord(std::string r, Role ro = Role::kAssigned, std::string d = "d", std::string v = "",
             std::uint32_t p = RawRecord::kNoParent)
      : range(std::move(r)), role(ro), domain(std::move(d)), vrf(std::move(v)), parent(p) {}

  std::string range;
  Role role = Role::kAssigned;
  std::string domain = "d";
  std::string vrf;
  std::uint32_t parent = RawRecord::kNoParent;  // reader-local ordinal of an earlier record
  std::string label;
  std::uint32_t input = 0;  // index into the input names
};

inline Inventory build_inventory(const std::vector<TestRecord>& specs,
                                 const std::vector<std::string>& inputs = {"test"}) {
  Inventory inventory;
  InventoryBuilder builder(inventory, nullptr);
  for (std::uint32_t input = 0; input < inputs.size(); ++input) {
    builder.begin_input(inputs[input], inputs[input], InputFormat::kList);
    std::uint32_t line = 0;
    for (const TestRecord& s : specs) {
      ++line;
      if (s.input != input) continue;
      const auto parsed = parse_range(s.range);
      REQUIRE(parsed.ok());
      RawRecord r;
      r.range = parsed.value;
      r.role = s.role;
      r.domain = s.domain;
      r.namespace_name = s.vrf;
      r.label = s.label;
      r.parent = s.parent;
      r.location.line = line;
      builder.record(r);
    }
  }
  return inventory;
}

}  // namespace ipplan::testing
