// resource_bounds_e2e_test.cc — pathological inventories finish with bounded output and memory
// linear in the input (issue 7, SPEC 4 and 8): a many-way duplicate, one /0 over every record.
//
// The size is IPPLAN_E2E_BIG_RECORDS (a CMake cache variable, 1M by default: CI also runs this
// under the sanitizers); the 10M figures in the README were measured by hand. Memory is the
// child's peak RSS from wait4, compared between a run at N and one at N/2 records, so the fixed
// cost (the binary, the sanitizer's shadow) cancels out and what is left is the cost per record.
// No timings are asserted.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "ipplan_process.h"

using e2e::run_ipplan;
using e2e::Run;
using e2e::TempDir;

namespace {

constexpr std::uint64_t kRecords = IPPLAN_E2E_BIG_RECORDS;
// Marginal peak memory per record allowed: the input line (mapped, ~12 bytes), the Record
// (48 bytes), the verify sort keys and sweep; the sanitizers' redzones and shadow at most
// double that.
#ifdef IPPLAN_E2E_SANITIZED
constexpr double kMaxBytesPerRecord = 600;
#else
constexpr double kMaxBytesPerRecord = 300;
#endif
// Output caps: a summary, one cluster header and --max-conflicts listed pairs.
constexpr std::size_t kMaxOutputBytes = 8192;

std::string ipv4_text(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "%u.%u.%u.%u", value >> 24, (value >> 16) & 255U,
                (value >> 8) & 255U, value & 255U);
  return text;
}

// `count` copies of one prefix.
void write_duplicates(const std::string& path, std::uint64_t count) {
  std::ofstream out(path, std::ios::binary);
  const std::string line = "10.20.30.0/24\n";
  for (std::uint64_t i = 0; i < count; ++i) out << line;
}

// `count` distinct /32s from 10.0.0.0 up.
void write_hosts(const std::string& path, std::uint64_t count) {
  std::ofstream out(path, std::ios::binary);
  for (std::uint64_t i = 0; i < count; ++i) {
    out << ipv4_text(0x0a000000U + static_cast<std::uint32_t>(i)) << '\n';
  }
}

// Peak memory per record beyond what half as many records cost.
double marginal_bytes_per_record(const Run& full, const Run& half, std::uint64_t records) {
  return static_cast<double>(full.peak_rss_kib - half.peak_rss_kib) * 1024.0 /
         static_cast<double>(records - records / 2);
}

}  // namespace

TEST_CASE("a many-way duplicate is one cluster with an exact count and capped output",
          "[e2e][bounds]") {
  const TempDir dir;
  write_duplicates(dir.file("full.txt"), kRecords);
  write_duplicates(dir.file("half.txt"), kRecords / 2);
  const Run full = run_ipplan({"verify", "--quiet", "--max-conflicts", "5", "--format", "json",
                               dir.file("full.txt")});
  const Run half = run_ipplan({"verify", "--quiet", "--max-conflicts", "5", "--format", "json",
                               dir.file("half.txt")});
  CHECK(full.exit_code == 1);
  CHECK(half.exit_code == 1);
  const std::uint64_t pairs = kRecords * (kRecords - 1) / 2;
  CHECK(full.out.find("\"conflict_count\": " + std::to_string(pairs) + ",") != std::string::npos);
  CHECK(full.out.find("\"clusters\": 1,") != std::string::npos);
  CHECK(full.out.size() < kMaxOutputBytes);
  CHECK(full.err.empty());
  const double per_record = marginal_bytes_per_record(full, half, kRecords);
  INFO("peak RSS " << full.peak_rss_kib << " KiB at " << kRecords << " records, "
                   << half.peak_rss_kib << " KiB at half; " << per_record << " bytes/record");
  CHECK(per_record < kMaxBytesPerRecord);
}

TEST_CASE("one /0 over every record: assigned is one capped cluster / container is a proof",
          "[e2e][bounds]") {
  const TempDir dir;
  write_hosts(dir.file("full.txt"), kRecords);
  write_hosts(dir.file("half.txt"), kRecords / 2);
  {
    std::ofstream(dir.file("assigned.txt")) << "0.0.0.0/0\n";
    std::ofstream(dir.file("container.csv")) << "prefix,role\n0.0.0.0/0,container\n";
  }
  const Run full = run_ipplan({"verify", "--quiet", "--max-conflicts", "5",
                               dir.file("assigned.txt"), dir.file("full.txt")});
  const Run half = run_ipplan({"verify", "--quiet", "--max-conflicts", "5",
                               dir.file("assigned.txt"), dir.file("half.txt")});
  CHECK(full.exit_code == 1);
  CHECK(full.out.rfind("conflicts: " + std::to_string(kRecords) + " conflicting pairs in 1 cluster",
                       0) == 0);
  CHECK(full.out.find("... " + std::to_string(kRecords - 5) + " more in this cluster") !=
        std::string::npos);
  CHECK(full.out.size() < kMaxOutputBytes);
  const double per_record = marginal_bytes_per_record(full, half, kRecords);
  INFO("peak RSS " << full.peak_rss_kib << " KiB at " << kRecords << " records, "
                   << half.peak_rss_kib << " KiB at half; " << per_record << " bytes/record");
  CHECK(per_record < kMaxBytesPerRecord);

  const Run proof = run_ipplan({"verify", "--quiet", dir.file("container.csv"), dir.file("full.txt")});
  CHECK(proof.exit_code == 0);
  CHECK(proof.out == "verified: " + std::to_string(kRecords + 1) + " records, 1 family, 0 conflicts\n");

  // The union of the hosts is a handful of blocks, whatever their number.
  const Run aggregate = run_ipplan({"aggregate", "--quiet", dir.file("full.txt")});
  CHECK(aggregate.exit_code == 0);
  CHECK(aggregate.out.size() < 32 * 40);
}
