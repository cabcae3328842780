// verify_bench.cc — Google Benchmark for ipplan::verify (SPEC section 4 and 8: "verify 10M mixed
// records"), part of `ipplan_plan_bench`.
//
//   BM_Verify/FAMILY/N   verify() over an Inventory of N records (1k, 10k, 100k, 1M), FAMILY v4
//                        or mixed: a generic CSV inventory from inventory_generator.h (VRFs,
//                        containers, 5% of records overlapping an earlier one), read once
//                        outside the timed loop. Items/s is records/s; the counter `conflicts`
//                        is what verify found (the benchmark fails when it finds none, or a
//                        different number on a later iteration).
//
// Only the most recently used inventory is kept, so at most one 1M-record inventory is in memory.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "inventory_generator.h"
#include "ipplan/input_format.h"
#include "ipplan/inventory.h"
#include "ipplan/verify.h"

namespace {

using ipplan::bench::InventoryFormat;
using ipplan::bench::ListFamily;

struct Loaded {
  ListFamily family = ListFamily::kV4;
  std::uint64_t count = 0;
  std::uint64_t errors = 0;
  ipplan::Inventory inventory;
};

const Loaded& loaded(ListFamily family, std::uint64_t count) {
  static std::unique_ptr<Loaded> current;
  if (!current || current->family != family || current->count != count) {
    current.reset();
    auto next = std::make_unique<Loaded>();
    next->family = family;
    next->count = count;
    ipplan::bench::InventoryOptions options;
    options.format = InventoryFormat::kCsv;
    options.family = family;
    options.count = count;
    options.overlap_share = 0.05;
    const std::string text = ipplan::bench::generate_inventory(options, nullptr);
    ipplan::InventoryBuilder builder(next->inventory,
                                     [&next](const ipplan::Diagnostic&) { ++next->errors; });
    builder.begin_input("generated.csv", "generated.csv", ipplan::InputFormat::kCsv);
    ipplan::read_input(ipplan::InputFormat::kCsv, text, ipplan::ReadOptions{}, builder);
    current = std::move(next);
  }
  return *current;
}

void BM_Verify(benchmark::State& state, ListFamily family) {
  const Loaded& in = loaded(family, static_cast<std::uint64_t>(state.range(0)));
  if (in.errors != 0 || in.inventory.records().size() != in.count) {
    state.SkipWithError("the generated inventory did not load cleanly");
    return;
  }
  const ipplan::VerifyOptions options;
  std::uint64_t conflicts = 0;
  bool stable = true;
  for (auto _ : state) {
    const ipplan::VerifyResult result = ipplan::verify(in.inventory, options);
    benchmark::DoNotOptimize(result.clusters.data());
    if (conflicts != 0 && result.conflict_count != conflicts) stable = false;
    conflicts = result.conflict_count;
  }
  if (conflicts == 0 || !stable) {
    state.SkipWithError("verify found no conflict, or a different count on another iteration");
    return;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.count));
  state.counters["conflicts"] = static_cast<double>(conflicts);
}

void BM_VerifyV4(benchmark::State& state) { BM_Verify(state, ListFamily::kV4); }
void BM_VerifyMixed(benchmark::State& state) { BM_Verify(state, ListFamily::kMixed); }

}  // namespace

BENCHMARK(BM_VerifyV4)->Name("BM_Verify/v4")->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyMixed)->Name("BM_Verify/mixed")->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond);
