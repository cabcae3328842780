// generate_list.cc — `ipplan_gen`: writes a deterministic synthetic inventory to stdout.
//
//   ipplan_gen --family v4|v6|mixed --count N [--seed S] > file
//       independent random prefixes, one a line: the lines of list_generator.h (the same bytes
//       BM_ReadList* parses for the same family, count and seed; compare_parse.py uses these)
//   ipplan_gen --within PREFIX --count N [--seed S] > file
//       N IPv4 prefixes at random places inside PREFIX (overlapping each other freely), with
//       enterprise lengths: the used space of pool_generator.h, the same prefixes the
//       allocation benchmarks index (`--within 10.0.0.0/8 --count 1000000` is SPEC's "a /8
//       holding 1M used prefixes"). `--family`, if given, must be v4.
//   ipplan_gen --format FORMAT --family v4|v6|mixed --count N [--overlap-share F] [--seed S]
//              [--summary] > file
//       an inventory of N records in FORMAT (list, csv, netbox-csv, infoblox-csv, azure-vnets,
//       servicetags, netbox-json) as inventory_generator.h describes it: records that do not
//       overlap anything, and a share F (0..1, default 0) that overlaps an earlier record. The
//       same bytes the ingest benchmarks read for the same options. `--summary` prints what was
//       generated to stderr. `--format random-list` is the first form.
//
// Exit 0 on success, 1 when stdout cannot be written, 2 on bad usage.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inventory_generator.h"
#include "ipplan/parse.h"
#include "list_generator.h"
#include "pool_generator.h"

namespace {

constexpr int kExitUsage = 2;

int usage(const char* program, const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "ipplan_gen: %s\n", problem);
  std::fprintf(stderr,
               "usage: %s [--format FORMAT] --family v4|v6|mixed --count N [--overlap-share F]\n"
               "          [--seed S] [--summary] > file\n"
               "       %s --within IPV4-PREFIX --count N [--seed S] > file\n"
               "  FORMAT: list, csv, netbox-csv, infoblox-csv, azure-vnets, servicetags,\n"
               "          netbox-json, or random-list (the default: independent random prefixes)\n"
               "  writes N records, deterministic for a given seed; a share F (0..1) of them\n"
               "  overlaps an earlier record (not with random-list); --within: N used prefixes\n"
               "  inside one pool\n",
               program, program);
  return kExitUsage;
}

// A whole-string unsigned decimal (or 0x hex for --seed); nullopt on anything else.
std::optional<std::uint64_t> parse_number(const char* text) {
  if (text == nullptr || *text == '\0' || *text == '-' || *text == '+') return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const unsigned long long value = std::strtoull(text, &end, 0);
  if (errno != 0 || end == text || *end != '\0') return std::nullopt;
  return static_cast<std::uint64_t>(value);
}

// A whole-string number in [0, 1]; nullopt on anything else.
std::optional<double> parse_share(const char* text) {
  if (text == nullptr || *text == '\0') return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text, &end);
  if (errno != 0 || end == text || *end != '\0' || !(value >= 0.0 && value <= 1.0)) {
    return std::nullopt;
  }
  return value;
}

bool write_stdout(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size()) return true;
  std::fprintf(stderr, "ipplan_gen: cannot write to stdout: %s\n", std::strerror(errno));
  return false;
}

// Writes `count` lines, each from write_line(out) (which returns one past its newline), through
// a 1 MiB buffer.
template <typename WriteLine>
int write_lines(std::uint64_t count, WriteLine write_line) {
  constexpr std::size_t kBufferBytes = 1U << 20;
  std::vector<char> buffer(kBufferBytes);
  char* const begin = buffer.data();
  char* const flush_at = begin + kBufferBytes - ipplan::bench::kMaxLineBytes;
  char* out = begin;
  for (std::uint64_t i = 0; i < count; ++i) {
    out = write_line(out);
    if (out >= flush_at || i + 1 == count) {
      if (!write_stdout({begin, static_cast<std::size_t>(out - begin)})) return 1;
      out = begin;
    }
  }
  return 0;
}

int write_random_list(ipplan::bench::ListFamily family, std::uint64_t count, std::uint64_t seed) {
  ipplan::bench::ListGenerator generator(family, seed);
  return write_lines(count, [&generator](char* out) { return generator.write_line(out); });
}

int write_pool_list(const ipplan::Prefix& pool, std::uint64_t count, std::uint64_t seed) {
  ipplan::bench::PoolPrefixGenerator generator(pool, seed);
  return write_lines(count, [&generator](char* out) {
    out = ipplan::write_prefix(generator.next(), out);
    *out++ = '\n';
    return out;
  });
}

int write_inventory(const ipplan::bench::InventoryOptions& options, bool summary) {
  bool failed = false;
  std::string buffer;
  ipplan::bench::inventory_internal::TextOut out(
      buffer,
      [&failed](std::string_view bytes) {
        if (!failed && !write_stdout(bytes)) failed = true;
      },
      std::size_t{1} << 20);
  ipplan::bench::InventoryWriter writer(options);
  const ipplan::bench::InventorySummary written = writer.write(out);
  if (failed) return 1;
  if (summary) {
    std::fprintf(stderr,
                 "ipplan_gen: %s: %llu records (%llu IPv6), %llu overlapping an earlier one, "
                 "%llu ranges, %llu containers, %llu VNets/tags, %llu bytes\n",
                 std::string(ipplan::bench::format_info(options.format).name).c_str(),
                 static_cast<unsigned long long>(written.records),
                 static_cast<unsigned long long>(written.ipv6),
                 static_cast<unsigned long long>(written.overlapping),
                 static_cast<unsigned long long>(written.ranges),
                 static_cast<unsigned long long>(written.containers),
                 static_cast<unsigned long long>(written.groups),
                 static_cast<unsigned long long>(written.bytes));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const char* program = argc > 0 ? argv[0] : "ipplan_gen";
  std::optional<ipplan::bench::ListFamily> family;
  ipplan::bench::InventoryFormat format = ipplan::bench::InventoryFormat::kList;
  bool random_list = true;  // no --format, or --format random-list
  std::optional<std::uint64_t> count;
  std::optional<double> overlap_share;
  std::optional<std::uint64_t> seed;
  std::optional<ipplan::Prefix> within;
  bool summary = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      usage(program, nullptr);
      return 0;
    }
    if (arg == "--summary") {
      summary = true;
      continue;
    }
    if (arg != "--family" && arg != "--count" && arg != "--seed" && arg != "--format" &&
        arg != "--overlap-share" && arg != "--within") {
      return usage(program, "unknown argument");
    }
    if (i + 1 >= argc) return usage(program, "missing value after an option");
    const char* value = argv[++i];
    if (arg == "--family") {
      family = ipplan::bench::parse_list_family(value);
      if (!family) return usage(program, "--family must be v4, v6 or mixed");
    } else if (arg == "--count") {
      count = parse_number(value);
      if (!count) return usage(program, "--count must be a non-negative integer");
    } else if (arg == "--format") {
      random_list = std::string_view(value) == "random-list";
      if (!random_list) {
        const auto parsed = ipplan::bench::parse_inventory_format(value);
        if (!parsed) return usage(program, "unknown --format");
        format = *parsed;
      }
    } else if (arg == "--within") {
      const ipplan::ParseResult<ipplan::Prefix> parsed = ipplan::parse_prefix(value);
      if (!parsed.ok() || !parsed.value.first().is_v4()) {
        return usage(program, "--within must be an IPv4 prefix such as 10.0.0.0/8");
      }
      within = parsed.value;
    } else if (arg == "--overlap-share") {
      overlap_share = parse_share(value);
      if (!overlap_share) return usage(program, "--overlap-share must be a number from 0 to 1");
    } else {
      const std::optional<std::uint64_t> parsed = parse_number(value);
      if (!parsed) return usage(program, "--seed must be a non-negative integer");
      seed = *parsed;
    }
  }
  if (within) {
    if (!count) return usage(program, "--count is required");
    if (family && *family != ipplan::bench::ListFamily::kV4) {
      return usage(program, "--within makes IPv4 prefixes: --family must be v4 or absent");
    }
    if (!random_list || overlap_share || summary) {
      return usage(program, "--within does not take --format, --overlap-share or --summary");
    }
  } else if (!family || !count) {
    return usage(program, "--family and --count are required");
  }

  int status = 0;
  if (within) {
    status = write_pool_list(*within, *count, seed.value_or(ipplan::bench::kPoolSeed));
  } else if (random_list) {
    if (overlap_share) return usage(program, "--overlap-share needs --format (not random-list)");
    status = write_random_list(*family, *count, seed.value_or(ipplan::bench::kDefaultSeed));
  } else {
    ipplan::bench::InventoryOptions options;
    options.format = format;
    options.family = *family;
    options.count = *count;
    options.overlap_share = overlap_share.value_or(0.0);
    options.seed = seed.value_or(ipplan::bench::kDefaultSeed);
    status = write_inventory(options, summary);
  }
  if (status != 0) return status;
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "ipplan_gen: cannot write to stdout: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
