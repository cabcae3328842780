// ingest_bench.cc — `ipplan_ingest_bench`: Google Benchmark ingest throughput per input format
// (SPEC section 8; the "ingest benchmarks per format").
//
//   BM_Ingest/FORMAT/FAMILY         ipplan::read_input(format, bytes, {}, sink) over a whole
//                                   in-memory inventory of 1M records into a counting sink
//                                   (nothing kept): what reading alone costs
//   BM_LoadInventory/FORMAT/mixed   the same bytes through InventoryBuilder, records kept in an
//                                   Inventory (strings interned): the cost of keeping them.
//                                   Counter heap_B/rec: heap the Inventory holds per record
//                                   (glibc mallinfo2 before/after, the input not included)
//
// FORMAT is every format of inventory_generator.h, FAMILY v4 or mixed; overlap share 5%, the
// generator's fixed seed. Each input is generated once, outside the timed loop, and dropped when
// the next benchmark needs another one (so at most one is in memory). Every benchmark reports
// bytes/s (the input's bytes; Google Benchmark prints them in 1024-based units, M/s = MiB/s) and
// items/s (records), plus counters MB (10^6 bytes of input) and B/rec (input bytes per record).
// A benchmark fails (SkipWithError) unless the reader handed on exactly the generated records and
// no error.
//
//   build/bench/ipplan_ingest_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "inventory_generator.h"
#include "ipplan/input_format.h"
#include "ipplan/inventory.h"
#include "ipplan/record.h"

namespace {

using ipplan::bench::InventoryFormat;
using ipplan::bench::InventoryOptions;
using ipplan::bench::ListFamily;

constexpr std::uint64_t kRecords = 1'000'000;
constexpr double kOverlapShare = 0.05;

struct Input {
  InventoryOptions options;
  std::string text;
  ipplan::bench::InventorySummary summary;
};

// The most recently asked-for input; generated on first use, replaced when another is asked for.
const Input& input(InventoryFormat format, ListFamily family) {
  static std::unique_ptr<Input> current;
  if (!current || current->options.format != format || current->options.family != family) {
    current.reset();  // free the previous one before building the next
    auto next = std::make_unique<Input>();
    next->options.format = format;
    next->options.family = family;
    next->options.count = kRecords;
    next->options.overlap_share = kOverlapShare;
    next->text = ipplan::bench::generate_inventory(next->options, &next->summary);
    current = std::move(next);
  }
  return *current;
}

// Counts what the reader hands on; the checksum keeps the records observable.
struct CountingSink : ipplan::RecordSink {
  std::uint64_t records = 0;
  std::uint64_t errors = 0;
  std::uint64_t checksum = 0;
  std::string first_error;
  void record(const ipplan::RawRecord& r) override {
    ++records;
    checksum += r.range.first().low64() + r.label.size();
  }
  // Plain list lines come in batches, as they do to every engine sink.
  void line_records(std::span<const ipplan::LineRecord> batch) override {
    records += batch.size();
    for (const ipplan::LineRecord& r : batch) checksum += r.prefix.address().low64();
  }
  void error(const ipplan::Location& where, std::string message) override {
    if (errors++ == 0) first_error = where.describe("input") + ": " + message;
  }
  void warning(const ipplan::Location&, std::string) override {}
  void skipped(const ipplan::Location&, std::string_view) override {}
};

void set_counters(benchmark::State& state, const Input& in, std::uint64_t records) {
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.text.size()));
  state.counters["MB"] = static_cast<double>(in.text.size()) / 1e6;
  state.counters["B/rec"] =
      static_cast<double>(in.text.size()) / static_cast<double>(in.summary.records);
}

void BM_Ingest(benchmark::State& state, InventoryFormat format, ListFamily family) {
  const Input& in = input(format, family);
  const ipplan::InputFormat input_format = ipplan::bench::format_info(format).input;
  std::uint64_t records = 0;
  CountingSink last;
  for (auto _ : state) {
    CountingSink sink;
    ipplan::read_input(input_format, in.text, ipplan::ReadOptions{}, sink);
    benchmark::DoNotOptimize(sink.checksum);
    records += sink.records;
    last = std::move(sink);
  }
  if (last.errors != 0) {
    state.SkipWithError(("generated input has errors: " + last.first_error).c_str());
    return;
  }
  if (last.records != in.summary.records) {
    state.SkipWithError("the reader handed on a different number of records than generated");
    return;
  }
  set_counters(state, in, records);
}

// Heap bytes in use (glibc: small blocks in the arenas plus mmapped big blocks).
std::size_t heap_in_use() {
  const struct mallinfo2 info = ::mallinfo2();
  return info.uordblks + info.hblkhd;
}

void BM_LoadInventory(benchmark::State& state, InventoryFormat format, ListFamily family) {
  const Input& in = input(format, family);
  const ipplan::InputFormat input_format = ipplan::bench::format_info(format).input;
  std::uint64_t records = 0;
  std::uint64_t errors = 0;
  std::size_t held = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::size_t before = heap_in_use();
    auto inventory = std::make_unique<ipplan::Inventory>();
    state.ResumeTiming();
    {
      ipplan::InventoryBuilder builder(*inventory, nullptr);
      builder.begin_input("input", "input", input_format);
      ipplan::read_input(input_format, in.text, ipplan::ReadOptions{}, builder);
    }
    benchmark::DoNotOptimize(inventory->records().data());
    state.PauseTiming();
    held = heap_in_use() - before;
    records += inventory->records().size();
    errors += inventory->inputs().front().errors;
    if (inventory->records().size() != in.summary.records) errors += 1;
    inventory.reset();  // freeing is not timed
    state.ResumeTiming();
  }
  if (errors != 0) {
    state.SkipWithError("generated input has errors or a different number of records");
    return;
  }
  set_counters(state, in, records);
  state.counters["heap_B/rec"] =
      static_cast<double>(held) / static_cast<double>(in.summary.records);
}

// Registers every format: BM_Ingest for v4 and mixed, then BM_LoadInventory for mixed (in that
// order, so each input is generated once).
const bool registered = [] {
  for (const auto& info : ipplan::bench::kInventoryFormats) {
    const std::string format(info.name);
    benchmark::RegisterBenchmark(("BM_Ingest/" + format + "/v4").c_str(), BM_Ingest, info.format,
                                 ListFamily::kV4)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_Ingest/" + format + "/mixed").c_str(), BM_Ingest,
                                 info.format, ListFamily::kMixed)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_LoadInventory/" + format + "/mixed").c_str(),
                                 BM_LoadInventory, info.format, ListFamily::kMixed)
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
