// loader_test.cc — read_inputs into either sink: the same records, messages and counts whether
// the run keeps an Inventory or only the ranges (RangeCollector, what `aggregate` uses).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ipplan/aggregate.h"
#include "ipplan/format.h"
#include "ipplan/inventory.h"
#include "ipplan/loader.h"
#include "scratch_files.h"

using namespace ipplan;
using ipplan::testing::ScratchDir;
using ipplan::testing::write_file;

namespace {

std::vector<std::string> texts(const std::vector<Prefix>& prefixes) {
  std::vector<std::string> out;
  for (const Prefix& p : prefixes) out.push_back(to_string(p));
  return out;
}

struct Messages {
  std::vector<std::string> lines;
  DiagnosticHandler handler() {
    return [this](const Diagnostic& d) { lines.push_back(d.text()); };
  }
};

// Two inputs and a missing one: a bad line, a truncated host-bits prefix, a comment, both
// families.
std::vector<InputSpec> write_inputs(const ScratchDir& dir) {
  write_file(dir / "a.txt", "10.0.0.0/25\n10.0.0.128/25\nnot-a-prefix\n# note\n2001:db8::/33\n");
  write_file(dir / "b.txt", "10.0.1.7/24\n2001:db8:8000::/33\n255.255.255.255\n");
  return {InputSpec::parse(dir / "a.txt"), InputSpec::parse(dir / "missing.txt"),
          InputSpec::parse(dir / "b.txt")};
}

}  // namespace

TEST_CASE("read_inputs gives RangeCollector and InventoryBuilder the same records and messages",
          "[loader][aggregate]") {
  const ScratchDir dir;
  const std::vector<InputSpec> specs = write_inputs(dir);
  LoadOptions options;
  options.read.host_bits = HostBits::kTruncate;

  Messages collector_messages;
  RangeCollector collector(collector_messages.handler());
  const LoadResult collected = read_inputs(specs, options, collector);

  Messages inventory_messages;
  Inventory inventory;
  const LoadResult loaded = load_inventory(specs, options, inventory, inventory_messages.handler());

  for (const std::vector<std::string>* lines : {&collector_messages.lines, &inventory_messages.lines}) {
    REQUIRE(lines->size() == 3);
    // The reader's and the system's wordings are theirs; the place is the sink's.
    CHECK((*lines)[0].rfind((dir / "a.txt") + ":3: ", 0) == 0);
    CHECK((*lines)[0].find("not-a-prefix") != std::string::npos);
    CHECK((*lines)[1].rfind((dir / "missing.txt") + ": ", 0) == 0);
    CHECK((*lines)[2] == (dir / "b.txt") + ":1: warning: host bits set; truncated to 10.0.1.0/24");
  }
  CHECK(collector_messages.lines == inventory_messages.lines);

  CHECK(collected.errors == 1);
  CHECK(collected.unreadable == 1);
  CHECK(loaded.errors == 1);
  CHECK(loaded.unreadable == 1);
  CHECK(collector.records() == 6);
  CHECK(collector.inputs() == 2);
  CHECK(collector.errors() == 1);
  REQUIRE(inventory.records().size() == 6);
  REQUIRE(inventory.inputs().size() == 2);
  CHECK(inventory.inputs()[0].errors == 1);
  CHECK(inventory.inputs()[0].records == 3);
  CHECK(inventory.inputs()[1].warnings == 1);
  CHECK(inventory.inputs()[1].records == 3);

  const std::vector<std::string> want = {"10.0.0.0/23", "255.255.255.255/32", "2001:db8::/32"};
  CHECK(texts(collector.aggregate()) == want);
  CHECK(texts(aggregate(inventory)) == want);
  CHECK(collector.aggregate().empty());  // aggregate() empties the collector
}

TEST_CASE("read_inputs counts progress and warns about an empty input", "[loader]") {
  const ScratchDir dir;
  write_file(dir / "empty.txt", "\n\n");
  write_file(dir / "one.txt", "192.0.2.0/24\n");
  ProgressCounter progress;
  LoadOptions options;
  options.progress = &progress;
  Messages messages;
  RangeCollector collector(messages.handler());
  const LoadResult result = read_inputs(
      {InputSpec::parse(dir / "empty.txt"), InputSpec::parse(dir / "one.txt")}, options,
      collector);
  CHECK(result.ok());
  CHECK(messages.lines ==
        std::vector<std::string>{(dir / "empty.txt") + ": warning: empty input (only blank lines)"});
  CHECK(collector.records() == 1);
  CHECK(collector.inputs() == 2);
  progress.add(0xffff);  // publishes the worker's count
  CHECK(progress.published() == 1 + 0xffff);
}

TEST_CASE("estimate_line_count is exact up to 1 MiB and close above it", "[loader]") {
  CHECK(estimate_line_count("") == 1);
  CHECK(estimate_line_count("10.0.0.0/8") == 1);
  CHECK(estimate_line_count("10.0.0.0/8\n") == 2);
  CHECK(estimate_line_count("a\n\nb\nc") == 4);

  // Lines of 12 to 18 bytes, as in a list of IPv4 prefixes, 8 MB in all.
  std::string list;
  std::size_t lines = 0;
  for (std::uint32_t i = 0; list.size() < 8'000'000; ++i, ++lines) {
    list += std::to_string(i % 1000) + "." + std::to_string(i % 7) + ".0.0/" +
            std::to_string(8 + i % 17) + "\n";
  }
  const std::size_t estimate = estimate_line_count(list);
  CHECK(estimate >= lines);
  CHECK(estimate <= lines + lines / 4);
}

TEST_CASE("read_inputs keeps every record when the line estimate falls short", "[loader]") {
  // 64 blocks of 64 KiB, where the estimate samples the start of each: a 20 KiB comment line
  // there, then 3,003 host lines of 15 bytes it never sees, then an 11-byte comment.
  const ScratchDir dir;
  std::string text;
  std::uint32_t hosts = 0;
  for (int block = 0; block < 64; ++block) {
    text += "#" + std::string(20 * 1024 - 2, 'x') + "\n";
    for (int i = 0; i < 3003; ++i, ++hosts) {
      const std::uint32_t n = hosts;
      text += "10." + std::to_string(100 + n / 10000) + "." + std::to_string(100 + n / 100 % 100) +
              "." + std::to_string(100 + n % 100) + "\n";
    }
    text += "#" + std::string(9, 'x') + "\n";
  }
  REQUIRE(text.size() == 64 * 64 * 1024);
  REQUIRE(estimate_line_count(text) < hosts / 10);
  write_file(dir / "skewed.txt", text);
  RangeCollector collector;
  CHECK(read_inputs({InputSpec::parse(dir / "skewed.txt")}, {}, collector).ok());
  CHECK(collector.records() == hosts);
  std::uint64_t covered = 0;  // every host, each once
  for (const Prefix& block : collector.aggregate()) covered += std::uint64_t{1} << (32 - block.length());
  CHECK(covered == hosts);
}
