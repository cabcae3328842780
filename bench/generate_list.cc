// generate_list.cc — `ipplan_gen`: writes a deterministic synthetic `list` file to stdout.
//
//   ipplan_gen --family v4|v6|mixed --count N [--seed S] > file
//
// The lines are those of list_generator.h (the same bytes BM_ReadList* parses for the same
// family, count and seed). Exit 0 on success, 1 when stdout cannot be written, 2 on bad usage.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "list_generator.h"

namespace {

constexpr int kExitUsage = 2;

int usage(const char* program, const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "ipplan_gen: %s\n", problem);
  std::fprintf(stderr,
               "usage: %s --family v4|v6|mixed --count N [--seed S] > file\n"
               "  writes N lines, one prefix a line, deterministic for a given seed\n",
               program);
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

}  // namespace

int main(int argc, char** argv) {
  const char* program = argc > 0 ? argv[0] : "ipplan_gen";
  std::optional<ipplan::bench::ListFamily> family;
  std::optional<std::uint64_t> count;
  std::uint64_t seed = ipplan::bench::kDefaultSeed;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      usage(program, nullptr);
      return 0;
    }
    if (arg != "--family" && arg != "--count" && arg != "--seed") {
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
    } else {
      const std::optional<std::uint64_t> parsed = parse_number(value);
      if (!parsed) return usage(program, "--seed must be a non-negative integer");
      seed = *parsed;
    }
  }
  if (!family || !count) return usage(program, "--family and --count are required");

  ipplan::bench::ListGenerator generator(*family, seed);
  constexpr std::size_t kBufferBytes = 1U << 20;
  std::vector<char> buffer(kBufferBytes);
  char* const begin = buffer.data();
  char* const flush_at = begin + kBufferBytes - ipplan::bench::kMaxLineBytes;
  char* out = begin;
  for (std::uint64_t i = 0; i < *count; ++i) {
    out = generator.write_line(out);
    if (out >= flush_at || i + 1 == *count) {
      const auto size = static_cast<std::size_t>(out - begin);
      if (std::fwrite(begin, 1, size, stdout) != size) {
        std::fprintf(stderr, "ipplan_gen: cannot write to stdout: %s\n", std::strerror(errno));
        return 1;
      }
      out = begin;
    }
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "ipplan_gen: cannot write to stdout: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
