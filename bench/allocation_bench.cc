// allocation_bench.cc — Google Benchmark for free space and suggestions (SPEC sections 5 and 8:
// "first 1,000 free /28 in a /8 holding 1M used prefixes, index built: <= 10 us"), part of
// `ipplan_plan_bench`.
//
// The inventory: N used prefixes (1k, 10k, 100k, 1M) inside 10.0.0.0/8 from pool_generator.h
// (the lines `ipplan_gen --within 10.0.0.0/8 --count N` writes), built once outside the timed
// loops.
//   BM_AllocationIndexBuild/N   AllocationIndex(inventory): the sorts and the frozen union
//   BM_SuggestFirstFit/N        suggest(10.0.0.0/8, /28, count 1000, first-fit) on a built
//                               index; BM_SuggestFirstFit/1000000 is SPEC's workload
//   BM_SuggestLastFit/N         the same, last-fit
//   BM_SuggestBestFit/N         the same, best-fit (computes the pool's whole free space)
//   BM_FreeSpace/N              free_space(10.0.0.0/8): every free block of the pool
// Items/s: records/s for the build and free space, blocks/s for suggest. Counter `blocks` is the
// number of blocks found; a suggestion that finds fewer than 1,000 fails the benchmark.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "ipplan/allocation.h"
#include "ipplan/inventory.h"
#include "ipplan/parse.h"
#include "ipplan/prefix.h"
#include "pool_generator.h"

namespace {

constexpr std::size_t kSuggestCount = 1000;
constexpr int kSuggestLength = 28;

ipplan::Prefix pool() {
  static const ipplan::Prefix p = ipplan::parse_prefix("10.0.0.0/8").value;
  return p;
}

struct Loaded {
  std::size_t count = 0;
  ipplan::Inventory inventory;
  std::unique_ptr<ipplan::AllocationIndex> index;  // built on first use
};

// One inventory per size, kept for the whole run (1.1M records in all): Google Benchmark runs
// a benchmark over every size before the next benchmark.
Loaded& loaded(std::size_t count) {
  static std::map<std::size_t, std::unique_ptr<Loaded>> cache;
  std::unique_ptr<Loaded>& slot = cache[count];
  if (!slot) {
    slot = std::make_unique<Loaded>();
    slot->count = count;
    ipplan::InventoryBuilder builder(slot->inventory, nullptr);
    builder.begin_input("used.txt", "used.txt", ipplan::InputFormat::kList);
    std::uint32_t line = 0;
    for (const ipplan::Prefix& prefix : ipplan::bench::generate_pool_prefixes(pool(), count)) {
      ipplan::RawRecord record;
      record.range = ipplan::Range(prefix);
      record.location.line = ++line;
      builder.record(record);
    }
  }
  return *slot;
}

const ipplan::AllocationIndex& built_index(std::size_t count) {
  Loaded& in = loaded(count);
  if (!in.index) in.index = std::make_unique<ipplan::AllocationIndex>(in.inventory);
  return *in.index;
}

void BM_AllocationIndexBuild(benchmark::State& state) {
  const Loaded& in = loaded(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const ipplan::AllocationIndex index(in.inventory);
    benchmark::DoNotOptimize(&index);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * in.count));
}

void suggest_benchmark(benchmark::State& state, ipplan::Strategy strategy) {
  const ipplan::AllocationIndex& index = built_index(static_cast<std::size_t>(state.range(0)));
  const std::vector<ipplan::Prefix> pools{pool()};
  const std::vector<ipplan::Prefix> excludes;
  std::size_t blocks = 0;
  for (auto _ : state) {
    const ipplan::Suggestion suggestion =
        index.suggest(pools, excludes, kSuggestLength, kSuggestCount, strategy);
    blocks = suggestion.blocks.size();
    benchmark::DoNotOptimize(suggestion.blocks.data());
  }
  if (blocks != kSuggestCount) {
    state.SkipWithError("fewer free /28 blocks than asked for");
    return;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * blocks));
  state.counters["blocks"] = static_cast<double>(blocks);
}

void BM_SuggestFirstFit(benchmark::State& state) {
  suggest_benchmark(state, ipplan::Strategy::kFirstFit);
}
void BM_SuggestLastFit(benchmark::State& state) {
  suggest_benchmark(state, ipplan::Strategy::kLastFit);
}
void BM_SuggestBestFit(benchmark::State& state) {
  suggest_benchmark(state, ipplan::Strategy::kBestFit);
}

void BM_FreeSpace(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  const ipplan::AllocationIndex& index = built_index(count);
  const std::vector<ipplan::Prefix> pools{pool()};
  std::size_t blocks = 0;
  for (auto _ : state) {
    const ipplan::FreeSpace free = index.free_space(pools, {});
    blocks = free.blocks.size();
    benchmark::DoNotOptimize(free.blocks.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
  state.counters["blocks"] = static_cast<double>(blocks);
}

}  // namespace

BENCHMARK(BM_AllocationIndexBuild)->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SuggestFirstFit)->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SuggestLastFit)->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SuggestBestFit)->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FreeSpace)->RangeMultiplier(10)->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
