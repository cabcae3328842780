// index_bench.cc — Google Benchmark for the interval index and aggregation (SPEC section 8:
// "overlap queries against an index of 1M prefixes >= 20M queries/s"; aggregate 1M IPv4).
//
//   BM_IndexBuildV4/V6            add() 1M prefixes and build() (a sort, then linear passes that
//                                 link the entries and build the search tree)
//   BM_IndexOverlapV4/Point|Slash24  for_each_overlap visiting every hit, 64Ki queries a batch
//   BM_IndexOverlapV6/Point|Slash64
//   BM_IndexAnyOverlapV4/..., BM_IndexAnyOverlapV6/...  any_overlap (stops at the first hit)
//   BM_Index{Overlap,AnyOverlap}BatchV4/V6  the same queries through for_each_overlap_batch and
//                                 any_overlap_batch, all 64Ki in one call: the pipelined batch
//                                 keeps many queries' cache misses in flight, where a loop of
//                                 single calls waits for each query's chain of misses in turn
//   BM_SuggestFirstFitLength/L    AllocationIndex::suggest: the first 1,000 free /L in 10.0.0.0/8
//                                 among the 1M IPv4 blocks above (index built outside the loop);
//                                 /28 is SPEC's workload, /26 and /24 (there is none) pass
//                                 nearly every gap of the /8 as too small
//   BM_Aggregate/N, BM_MergeRanges/N  ipplan::aggregate(std::vector<Range>) (merge_ranges alone)
//                                 on the first N (1k, 10k, 100k, 1M) IPv4 prefixes of
//                                 list_generator.h (the lines `ipplan_gen --family v4` writes)
//
// Items/s is queries/s (prefixes/s for build and aggregate). The index holds what an
// enterprise IPAM looks like, drawn with splitmix64 so every run indexes the same set:
//   IPv4  80% under 10.0.0.0/8, 10% under 172.16.0.0/12, 10% anywhere in 1.0.0.0-223.255.255.255;
//         lengths /16-/23 0.1%, /24 5.9%, /25-/27 15%, /28 30%, /29 20%, /30 10%, /31 4%,
//         /32 15%
//         (1M such blocks about fill a /8, as in SPEC's "a /8 holding 1M used prefixes").
//   IPv6  80% under one /32 (2001:db8::/32: 64Ki sites, 64Ki subnets each), as /48 5%, /56 15%,
//         /64 60%, /127 5%, /128 15%;
//         20% anywhere in 2000::/3 as /32-/64.
// Queries are drawn from the same regions, so most of them hit something; the counter `hits`
// is the mean number of overlapping entries per query.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ipplan/aggregate.h"
#include "ipplan/allocation.h"
#include "ipplan/inventory.h"
#include "ipplan/interval_index.h"
#include "ipplan/parse.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"
#include "list_generator.h"
#include "pool_generator.h"

namespace {

using ipplan::uint128;

constexpr std::size_t kIndexSize = 1'000'000;
constexpr std::size_t kQueries = 1U << 16;

class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  std::uint32_t between(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }

 private:
  std::uint64_t state_;
};

template <typename Key>
struct Block {
  Key first;
  Key last;
};

// ---- IPv4 -----------------------------------------------------------------------------------

std::uint32_t v4_address(SplitMix& random) {
  const std::uint32_t region = random.below(10);
  const auto bits = static_cast<std::uint32_t>(random.next());
  if (region < 8) return 0x0a000000U | (bits & 0x00ffffffU);  // 10.0.0.0/8
  if (region < 9) return 0xac100000U | (bits & 0x000fffffU);  // 172.16.0.0/12
  return (random.between(1, 223) << 24) | (bits & 0x00ffffffU);
}

int v4_length(SplitMix& random) { return ipplan::bench::enterprise_v4_length(random); }

Block<std::uint32_t> v4_block(std::uint32_t address, int length) {
  const std::uint32_t host = length == 32 ? 0 : (0xffffffffU >> length);
  return {address & ~host, address | host};
}

const std::vector<Block<std::uint32_t>>& v4_index_blocks() {
  static const std::vector<Block<std::uint32_t>> blocks = [] {
    SplitMix random(0x5eed0004);
    std::vector<Block<std::uint32_t>> out;
    out.reserve(kIndexSize);
    for (std::size_t i = 0; i < kIndexSize; ++i) {
      const std::uint32_t address = v4_address(random);
      out.push_back(v4_block(address, v4_length(random)));
    }
    return out;
  }();
  return blocks;
}

// ---- IPv6 -----------------------------------------------------------------------------------

Block<uint128> v6_block(uint128 address, int length) {
  const uint128 host = length == 128 ? uint128{0} : (~uint128{0} >> length);
  return {address & ~host, address | host};
}

uint128 v6_address(SplitMix& random) {
  const uint128 low = random.next();
  if (random.below(10) < 8) {
    // 2001:db8::/32, site and subnet numbers dense in the low bits of their fields.
    const std::uint64_t high = (0x20010db8ULL << 32) | (std::uint64_t{random.below(65536)} << 16) |
                               random.below(65536);
    return (uint128{high} << 64) | low;
  }
  return (uint128{0x2000000000000000ULL | (random.next() >> 3)} << 64) | low;
}

Block<uint128> v6_random_block(SplitMix& random) {
  const uint128 address = v6_address(random);
  const bool enterprise = (address >> 96) == 0x20010db8U;
  int length = 64;
  if (!enterprise) {
    length = static_cast<int>(random.between(32, 64));
  } else {
    const std::uint32_t r = random.below(100);
    length = r < 5 ? 48 : r < 20 ? 56 : r < 80 ? 64 : r < 85 ? 127 : 128;
  }
  return v6_block(address, length);
}

const std::vector<Block<uint128>>& v6_index_blocks() {
  static const std::vector<Block<uint128>> blocks = [] {
    SplitMix random(0x5eed0006);
    std::vector<Block<uint128>> out;
    out.reserve(kIndexSize);
    for (std::size_t i = 0; i < kIndexSize; ++i) out.push_back(v6_random_block(random));
    return out;
  }();
  return blocks;
}

// ---- indexes and queries ----------------------------------------------------------------------

template <typename Key>
ipplan::IntervalIndex<Key> build_index(const std::vector<Block<Key>>& blocks) {
  ipplan::IntervalIndex<Key> index;
  index.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    index.add(blocks[i].first, blocks[i].last, static_cast<std::uint32_t>(i));
  }
  index.build();
  return index;
}

const ipplan::IntervalIndex<std::uint32_t>& v4_index() {
  static const auto index = build_index(v4_index_blocks());
  return index;
}
const ipplan::IntervalIndex<uint128>& v6_index() {
  static const auto index = build_index(v6_index_blocks());
  return index;
}

enum class QueryShape { kPoint, kBlock };

// IPv4: a single address or a /24, from the index's regions.
std::vector<Block<std::uint32_t>> v4_queries(QueryShape shape) {
  SplitMix random(shape == QueryShape::kPoint ? 0x9001 : 0x9024);
  std::vector<Block<std::uint32_t>> out;
  out.reserve(kQueries);
  for (std::size_t i = 0; i < kQueries; ++i) {
    out.push_back(v4_block(v4_address(random), shape == QueryShape::kPoint ? 32 : 24));
  }
  return out;
}

// IPv6: a single address or a /64.
std::vector<Block<uint128>> v6_queries(QueryShape shape) {
  SplitMix random(shape == QueryShape::kPoint ? 0x9601 : 0x9664);
  std::vector<Block<uint128>> out;
  out.reserve(kQueries);
  for (std::size_t i = 0; i < kQueries; ++i) {
    out.push_back(v6_block(v6_address(random), shape == QueryShape::kPoint ? 128 : 64));
  }
  return out;
}

template <typename Key>
void build_benchmark(benchmark::State& state, const std::vector<Block<Key>>& blocks) {
  for (auto _ : state) {
    ipplan::IntervalIndex<Key> index = build_index(blocks);
    benchmark::DoNotOptimize(index.entries().data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * blocks.size()));
}

void BM_IndexBuildV4(benchmark::State& state) { build_benchmark(state, v4_index_blocks()); }
void BM_IndexBuildV6(benchmark::State& state) { build_benchmark(state, v6_index_blocks()); }

// Queries/s as items/s, and `counter` as `count` per query over every iteration.
void report_per_query(benchmark::State& state, std::size_t queries, const char* counter,
                      std::uint64_t count) {
  const auto total = static_cast<double>(state.iterations()) * static_cast<double>(queries);
  state.SetItemsProcessed(static_cast<std::int64_t>(total));
  state.counters[counter] = static_cast<double>(count) / total;
}

template <typename Key>
void overlap_benchmark(benchmark::State& state, const ipplan::IntervalIndex<Key>& index,
                       const std::vector<Block<Key>>& queries) {
  std::uint64_t hits = 0;
  std::uint64_t checksum = 0;
  for (auto _ : state) {
    for (const Block<Key>& q : queries) {
      index.for_each_overlap(q.first, q.last, [&](const auto& entry) {
        ++hits;
        checksum += entry.id;
        return true;
      });
    }
  }
  benchmark::DoNotOptimize(checksum);
  report_per_query(state, queries.size(), "hits", hits);
}

template <typename Key>
void any_overlap_benchmark(benchmark::State& state, const ipplan::IntervalIndex<Key>& index,
                           const std::vector<Block<Key>>& queries) {
  std::uint64_t found = 0;
  for (auto _ : state) {
    for (const Block<Key>& q : queries) found += index.any_overlap(q.first, q.last) ? 1 : 0;
  }
  benchmark::DoNotOptimize(found);
  report_per_query(state, queries.size(), "found", found);  // share of queries with a hit
}

// The batch calls over the same queries, as one span.
template <typename Key>
std::vector<typename ipplan::IntervalIndex<Key>::Query> as_batch(
    const std::vector<Block<Key>>& queries) {
  std::vector<typename ipplan::IntervalIndex<Key>::Query> out;
  out.reserve(queries.size());
  for (const Block<Key>& q : queries) out.push_back({q.first, q.last});
  return out;
}

template <typename Key>
void overlap_batch_benchmark(benchmark::State& state, const ipplan::IntervalIndex<Key>& index,
                             const std::vector<Block<Key>>& blocks) {
  const auto queries = as_batch(blocks);
  std::uint64_t hits = 0;
  std::uint64_t checksum = 0;
  for (auto _ : state) {
    index.for_each_overlap_batch(queries, [&](std::size_t, const auto& entry) {
      ++hits;
      checksum += entry.id;
      return true;
    });
  }
  benchmark::DoNotOptimize(checksum);
  report_per_query(state, queries.size(), "hits", hits);
}

template <typename Key>
void any_overlap_batch_benchmark(benchmark::State& state, const ipplan::IntervalIndex<Key>& index,
                                 const std::vector<Block<Key>>& blocks) {
  const auto queries = as_batch(blocks);
  std::vector<std::uint8_t> found_flags(queries.size());
  std::uint64_t found = 0;
  for (auto _ : state) {
    index.any_overlap_batch(queries, found_flags);
    for (const std::uint8_t f : found_flags) found += f;
  }
  benchmark::DoNotOptimize(found);
  report_per_query(state, queries.size(), "found", found);
}

// The point queries for state.range(0) == 0, else the /24 (IPv4) or /64 (IPv6) ones.
const std::vector<Block<std::uint32_t>>& v4_queries_for(const benchmark::State& state) {
  static const auto points = v4_queries(QueryShape::kPoint);
  static const auto blocks = v4_queries(QueryShape::kBlock);
  return state.range(0) == 0 ? points : blocks;
}
const std::vector<Block<uint128>>& v6_queries_for(const benchmark::State& state) {
  static const auto points = v6_queries(QueryShape::kPoint);
  static const auto blocks = v6_queries(QueryShape::kBlock);
  return state.range(0) == 0 ? points : blocks;
}

void BM_IndexOverlapV4(benchmark::State& state) {
  overlap_benchmark(state, v4_index(), v4_queries_for(state));
}
void BM_IndexAnyOverlapV4(benchmark::State& state) {
  any_overlap_benchmark(state, v4_index(), v4_queries_for(state));
}
void BM_IndexOverlapV6(benchmark::State& state) {
  overlap_benchmark(state, v6_index(), v6_queries_for(state));
}
void BM_IndexAnyOverlapV6(benchmark::State& state) {
  any_overlap_benchmark(state, v6_index(), v6_queries_for(state));
}
void BM_IndexOverlapBatchV4(benchmark::State& state) {
  overlap_batch_benchmark(state, v4_index(), v4_queries_for(state));
}
void BM_IndexAnyOverlapBatchV4(benchmark::State& state) {
  any_overlap_batch_benchmark(state, v4_index(), v4_queries_for(state));
}
void BM_IndexOverlapBatchV6(benchmark::State& state) {
  overlap_batch_benchmark(state, v6_index(), v6_queries_for(state));
}
void BM_IndexAnyOverlapBatchV6(benchmark::State& state) {
  any_overlap_batch_benchmark(state, v6_index(), v6_queries_for(state));
}

// ---- suggest ---------------------------------------------------------------------------------

const ipplan::Inventory& v4_inventory() {
  static const ipplan::Inventory inventory = [] {
    ipplan::Inventory out;
    ipplan::InventoryBuilder builder(out, nullptr);
    builder.begin_input("bench", "bench", ipplan::InputFormat::kList);
    ipplan::RawRecord raw;
    for (const Block<std::uint32_t>& b : v4_index_blocks()) {
      raw.range = *ipplan::Range::make(ipplan::Address::v4(b.first), ipplan::Address::v4(b.last));
      ++raw.location.line;
      builder.record(raw);
    }
    return out;
  }();
  return inventory;
}

void BM_SuggestFirstFitLength(benchmark::State& state) {
  static const ipplan::AllocationIndex index(v4_inventory());
  const std::vector<ipplan::Prefix> pools = {
      *ipplan::Prefix::make(ipplan::Address::v4(0x0a000000U), 8)};
  std::size_t blocks = 0;
  for (auto _ : state) {
    const ipplan::Suggestion s = index.suggest(pools, {}, static_cast<int>(state.range(0)), 1000, ipplan::Strategy::kFirstFit);
    blocks = s.blocks.size();
    benchmark::DoNotOptimize(s.blocks.data());
  }
  state.counters["blocks"] = static_cast<double>(blocks);
}

// ---- aggregate ------------------------------------------------------------------------------

const std::vector<ipplan::Range>& aggregate_input() {
  static const std::vector<ipplan::Range> ranges = [] {
    const std::string text =
        ipplan::bench::generate_list(ipplan::bench::ListFamily::kV4, kIndexSize);
    std::vector<ipplan::Range> out;
    out.reserve(kIndexSize);
    for (std::string_view line : ipplan::bench::split_lines(text)) {
      out.emplace_back(ipplan::parse_prefix(line).value);
    }
    return out;
  }();
  return ranges;
}

// The first state.range(0) prefixes of the 1M list (the same lines ipplan_gen writes for that
// count, since the generator is sequential).
std::vector<ipplan::Range> aggregate_prefix_of_input(const benchmark::State& state) {
  const std::vector<ipplan::Range>& input = aggregate_input();
  const auto count = std::min(input.size(), static_cast<std::size_t>(state.range(0)));
  return {input.begin(), input.begin() + static_cast<std::ptrdiff_t>(count)};
}

void BM_Aggregate(benchmark::State& state) {
  const std::vector<ipplan::Range> input = aggregate_prefix_of_input(state);
  std::size_t blocks = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<ipplan::Range> copy = input;  // aggregate() takes its input by value
    state.ResumeTiming();
    const std::vector<ipplan::Prefix> result = ipplan::aggregate(std::move(copy));
    blocks = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.counters["blocks"] = static_cast<double>(blocks);
}

// merge_ranges alone: the sort and the sweep, without the CIDR cover.
void BM_MergeRanges(benchmark::State& state) {
  const std::vector<ipplan::Range> input = aggregate_prefix_of_input(state);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<ipplan::Range> copy = input;
    state.ResumeTiming();
    ipplan::merge_ranges(copy);
    benchmark::DoNotOptimize(copy.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}

}  // namespace

BENCHMARK(BM_IndexBuildV4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexBuildV6)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexOverlapV4)->ArgName("slash24")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexAnyOverlapV4)->ArgName("slash24")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexOverlapV6)->ArgName("slash64")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexAnyOverlapV6)->ArgName("slash64")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexOverlapBatchV4)->ArgName("slash24")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexAnyOverlapBatchV4)->ArgName("slash24")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexOverlapBatchV6)->ArgName("slash64")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IndexAnyOverlapBatchV6)->ArgName("slash64")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SuggestFirstFitLength)->ArgName("length")->Arg(28)->Arg(26)->Arg(24)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Aggregate)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MergeRanges)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond);
