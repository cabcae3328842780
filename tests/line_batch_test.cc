// line_batch_test.cc — plain list lines reach a sink in batches (RecordSink::line_records), the
// rest one by one: a sink still hears every line in order, and InventoryBuilder, ProofBuilder and
// RangeCollector keep from a batch exactly what they keep from the same records one at a time.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ipplan/aggregate.h"
#include "ipplan/format.h"
#include "ipplan/inventory.h"
#include "ipplan/list_reader.h"
#include "ipplan/proof_builder.h"
#include "ipplan/proof_records.h"

using namespace ipplan;

namespace {

// One thing the reader said, in the order it said it.
struct Event {
  bool is_error = false;
  bool batched = false;  // came through line_records
  Range range;
  std::uint32_t line = 0;
  bool host_bits_cleared = false;
  std::string message;
};

class OrderSink : public RecordSink {
 public:
  std::vector<Event> events;

  void record(const RawRecord& r) override {
    events.push_back({false, false, r.range, r.location.line, r.host_bits_cleared, {}});
  }
  void line_records(std::span<const LineRecord> records) override {
    for (const LineRecord& r : records) {
      events.push_back({false, true, Range(r.prefix), r.line, false, {}});
    }
  }
  void error(const Location& where, std::string message) override {
    events.push_back({true, false, {}, where.line, false, std::move(message)});
  }
  void warning(const Location&, std::string) override { FAIL("a list reader gave a warning"); }
  void skipped(const Location&, std::string_view) override { FAIL("a list reader skipped"); }
};

// 700 plain prefixes of both families (more than two batches), with errors, comments, blank
// lines, ranges, padded values and host bits set (truncated) in between.
std::string mixed_list() {
  std::string text;
  for (int i = 0; i < 700; ++i) {
    text += "10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".0/24\n";
    if (i % 3 == 0) {
      // Lengths 16-127 and 128: host masks inside the high half, at 64 and inside the low half.
      const int length = i % 7 == 0 ? 128 : 16 + i % 112;
      const auto n = static_cast<std::uint64_t>(i);
      text += to_string(Prefix::containing(Address::v6((0x20010db8ULL << 32) | n, ~n), length));
      text += '\n';
    }
    if (i % 97 == 0) text += "not a prefix\n";
    if (i % 101 == 0) text += "# a comment\n\n";
    if (i % 103 == 0) text += "192.0.2.1-192.0.2.9\n";
    if (i % 107 == 0) text += "  198.51.100.0/24   # padded\n";
    if (i % 109 == 0) text += "203.0.113.7/24\n";
  }
  return text;
}

void replay(const std::vector<Event>& events, InputSink& sink) {
  for (const Event& e : events) {
    Location where;
    where.line = e.line;
    if (e.is_error) {
      sink.error(where, e.message);
    } else {
      RawRecord raw;
      raw.range = e.range;
      raw.location = where;
      raw.host_bits_cleared = e.host_bits_cleared;
      sink.record(raw);
    }
  }
}

std::vector<std::string> texts(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.text());
  return out;
}

}  // namespace

TEST_CASE("a list reaches its sink in line order with plain lines batched", "[list]") {
  OrderSink sink;
  read_list(mixed_list(), ReadOptions{HostBits::kTruncate}, sink);
  std::size_t batched = 0;
  std::size_t single = 0;
  std::size_t errors = 0;
  for (std::size_t i = 0; i < sink.events.size(); ++i) {
    if (i > 0) REQUIRE(sink.events[i].line > sink.events[i - 1].line);
    batched += sink.events[i].batched ? 1 : 0;
    single += !sink.events[i].batched && !sink.events[i].is_error ? 1 : 0;
    errors += sink.events[i].is_error ? 1 : 0;
  }
  CHECK(batched == 700 + 234);  // the IPv4 and IPv6 prefixes alone on their lines
  CHECK(single == 7 + 7 + 7);    // ranges, padded values and truncated prefixes
  CHECK(errors == 8);
}

TEST_CASE("builders keep from a batch what they keep from single records", "[list]") {
  OrderSink order;
  const std::string text = mixed_list();
  read_list(text, ReadOptions{HostBits::kTruncate}, order);

  // Each builder twice: fed by the reader (batches) and by a replay of single records.
  const auto fill = [&](InputSink& sink, bool batched) {
    sink.begin_input(InputStart{"list.txt", "onprem", InputFormat::kList, {}});
    if (batched) {
      read_list(text, ReadOptions{HostBits::kTruncate}, sink);
    } else {
      replay(order.events, sink);
    }
  };
  std::vector<Diagnostic> said[2];
  Inventory inventories[2];
  Inventory names[2];
  ProofRecords proofs[2];
  std::vector<Prefix> aggregates[2];
  for (int batched = 0; batched < 2; ++batched) {
    InventoryBuilder full(inventories[batched],
                          [&](const Diagnostic& d) { said[batched].push_back(d); });
    fill(full, batched == 1);
    ProofBuilder compact(names[batched], proofs[batched], nullptr);
    fill(compact, batched == 1);
    RangeCollector ranges;
    fill(ranges, batched == 1);
    CHECK(full.records() == inventories[batched].records().size());
    CHECK(compact.records() == full.records());
    CHECK(ranges.records() == full.records());
    aggregates[batched] = ranges.aggregate();
    // Every record rebuilt from the proof is the Inventory's (lists have no labels).
    REQUIRE(proofs[batched].size() == inventories[batched].records().size());
    for (std::uint32_t id = 0; id < proofs[batched].size(); ++id) {
      const Record& want = inventories[batched].records()[id];
      CHECK(compact.rebuild_record(id, want.range) == want);
    }
  }
  CHECK(texts(said[1]) == texts(said[0]));
  CHECK(said[0].size() == 8 + 7);  // the errors and the truncation warnings
  CHECK(inventories[1].records() == inventories[0].records());
  CHECK(inventories[1].inputs()[0].records == inventories[0].inputs()[0].records);
  CHECK(inventories[1].inputs()[0].errors == inventories[0].inputs()[0].errors);
  CHECK(inventories[1].inputs()[0].warnings == inventories[0].inputs()[0].warnings);
  CHECK(proofs[1].ipv4_records() == proofs[0].ipv4_records());
  CHECK(proofs[1].ipv6_records() == proofs[0].ipv6_records());
  // The spans a batch makes straight from each prefix are those add() makes from its range.
  const auto& batched_space = proofs[1].namespaces().at(0);
  const auto& single_space = proofs[0].namespaces().at(0);
  REQUIRE(batched_space.v4.size() == single_space.v4.size());
  for (std::size_t i = 0; i < single_space.v4.size(); ++i) {
    CHECK(batched_space.v4[i].first == single_space.v4[i].first);
    CHECK(batched_space.v4[i].last == single_space.v4[i].last);
    CHECK(batched_space.v4[i].record == single_space.v4[i].record);
  }
  CHECK(batched_space.v6.empty());
  CHECK(single_space.v6.empty());
  REQUIRE(batched_space.v6_prefixes.size() == single_space.v6_prefixes.size());
  for (std::size_t i = 0; i < single_space.v6_prefixes.size(); ++i) {
    CHECK(batched_space.v6_prefixes[i].first_value() == single_space.v6_prefixes[i].first_value());
    CHECK(batched_space.v6_prefixes[i].last_value() == single_space.v6_prefixes[i].last_value());
    CHECK(batched_space.v6_prefixes[i].length == single_space.v6_prefixes[i].length);
    CHECK(batched_space.v6_prefixes[i].record == single_space.v6_prefixes[i].record);
  }
  for (std::uint32_t id = 0; id < proofs[0].size(); ++id) {
    CHECK(proofs[1].traits(id) == proofs[0].traits(id));
  }
  CHECK(aggregates[1] == aggregates[0]);
}
