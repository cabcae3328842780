// parse_bench.cc — Google Benchmark micro-benchmarks for the text hot paths (SPEC section 8:
// "parse a plain list >= 500 MB/s").
//
//   BM_ParsePrefixV4/V6   ipplan::parse_prefix over 64Ki pre-split prefixes (no newline)
//   BM_ReadListV4/V6/Mixed ipplan::read_list over a whole 1M-line in-memory list file
//   BM_FormatPrefixV4/V6  ipplan::write_prefix of 64Ki prefixes into a stack buffer
//
// Inputs come from list_generator.h with its fixed seed and are built once, outside the timed
// loops. Every benchmark reports bytes/s (text read or written) and items/s (prefixes).
// Note: Google Benchmark prints bytes_per_second with 1024-based units (M/s = MiB/s).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/list_reader.h"
#include "ipplan/parse.h"
#include "ipplan/prefix.h"
#include "list_generator.h"

namespace {

using ipplan::bench::ListFamily;

constexpr std::size_t kListLines = 1'000'000;  // BM_ReadList*: ~16 MB (v4) to ~22 MB (v6)
constexpr std::size_t kItems = 1U << 16;       // BM_ParsePrefix*, BM_FormatPrefix*

// A 1M-line list file per family, generated on first use (only for the benchmarks that run)
// and kept for the whole run.
const std::string& list_text(ListFamily family) {
  switch (family) {
    case ListFamily::kV4: {
      static const std::string v4 = ipplan::bench::generate_list(ListFamily::kV4, kListLines);
      return v4;
    }
    case ListFamily::kV6: {
      static const std::string v6 = ipplan::bench::generate_list(ListFamily::kV6, kListLines);
      return v6;
    }
    case ListFamily::kMixed:
      break;
  }
  static const std::string mixed = ipplan::bench::generate_list(ListFamily::kMixed, kListLines);
  return mixed;
}

struct PrefixTexts {
  std::string storage;
  std::vector<std::string_view> lines;
  std::size_t bytes = 0;  // sum of line lengths, newlines excluded
};

const PrefixTexts& prefix_texts(ListFamily family) {
  auto build = [](ListFamily f) {
    PrefixTexts texts;
    texts.storage = ipplan::bench::generate_list(f, kItems);
    texts.lines = ipplan::bench::split_lines(texts.storage);
    for (std::string_view line : texts.lines) texts.bytes += line.size();
    return texts;
  };
  if (family == ListFamily::kV4) {
    static const PrefixTexts v4 = build(ListFamily::kV4);
    return v4;
  }
  static const PrefixTexts v6 = build(ListFamily::kV6);
  return v6;
}

void parse_prefixes(benchmark::State& state, ListFamily family) {
  const PrefixTexts& texts = prefix_texts(family);
  std::uint64_t failures = 0;
  for (auto _ : state) {
    for (std::string_view text : texts.lines) {
      const ipplan::ParseResult<ipplan::Prefix> parsed = ipplan::parse_prefix(text);
      benchmark::DoNotOptimize(parsed);
      failures += parsed.ok() ? 0 : 1;
    }
  }
  if (failures != 0) state.SkipWithError("generated prefix failed to parse");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.lines.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * texts.bytes));
}

void BM_ParsePrefixV4(benchmark::State& state) { parse_prefixes(state, ListFamily::kV4); }
void BM_ParsePrefixV6(benchmark::State& state) { parse_prefixes(state, ListFamily::kV6); }

// Counts what the reader hands on; the checksum keeps the records observable.
struct CountingSink : ipplan::RecordSink {
  std::uint64_t records = 0;
  std::uint64_t errors = 0;
  std::uint64_t checksum = 0;
  void record(const ipplan::RawRecord& r) override {
    ++records;
    checksum += r.range.first().low64();
  }
  // Plain lines come in batches, as they do to every engine sink.
  void line_records(std::span<const ipplan::LineRecord> batch) override {
    records += batch.size();
    for (const ipplan::LineRecord& r : batch) checksum += r.prefix.address().low64();
  }
  void error(const ipplan::Location&, std::string) override { ++errors; }
  void warning(const ipplan::Location&, std::string) override {}
  void skipped(const ipplan::Location&, std::string_view) override {}
};

void read_whole_list(benchmark::State& state, ListFamily family) {
  const std::string& text = list_text(family);
  std::uint64_t entries = 0;
  std::uint64_t errors = 0;
  for (auto _ : state) {
    CountingSink sink;
    ipplan::read_list(text, ipplan::ReadOptions{}, sink);
    benchmark::DoNotOptimize(sink.checksum);
    entries += sink.records;
    errors += sink.errors;
  }
  if (errors != 0) state.SkipWithError("generated list has invalid lines");
  state.counters["lines"] = static_cast<double>(kListLines);
  state.SetItemsProcessed(static_cast<std::int64_t>(entries));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_ReadListV4(benchmark::State& state) { read_whole_list(state, ListFamily::kV4); }
void BM_ReadListV6(benchmark::State& state) { read_whole_list(state, ListFamily::kV6); }
void BM_ReadListMixed(benchmark::State& state) { read_whole_list(state, ListFamily::kMixed); }

void format_prefixes(benchmark::State& state, ListFamily family) {
  std::vector<ipplan::Prefix> prefixes;
  for (std::string_view text : prefix_texts(family).lines) {
    prefixes.push_back(ipplan::parse_prefix(text).value);
  }
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    for (const ipplan::Prefix& prefix : prefixes) {
      char buffer[ipplan::kMaxRangeText];
      char* const end = ipplan::write_prefix(prefix, buffer);
      benchmark::DoNotOptimize(buffer);
      bytes += static_cast<std::uint64_t>(end - buffer);
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * prefixes.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_FormatPrefixV4(benchmark::State& state) { format_prefixes(state, ListFamily::kV4); }
void BM_FormatPrefixV6(benchmark::State& state) { format_prefixes(state, ListFamily::kV6); }

}  // namespace

BENCHMARK(BM_ParsePrefixV4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParsePrefixV6)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadListV4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadListV6)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadListMixed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FormatPrefixV4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FormatPrefixV6)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
