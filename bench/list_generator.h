// list_generator.h — deterministic synthetic `list` files for the benchmarks and `ipplan_gen`.
//
// One prefix a line, newline-terminated, host bits always zero (so a strict reader accepts every
// line). The same family, count and seed always give the same bytes, on every platform: the
// random numbers come from splitmix64 and plain integer arithmetic, never from <random>'s
// implementation-defined distributions.
//
// What the lines look like:
//   IPv4  a.b.c.d/len over 1.0.0.0-223.255.255.255 (a fifth under 10/8); lengths weighted towards
//         real tables: /24 40%, /16-/23 20%, /25-/31 15%, /32 20%, /8-/15 5%.
//   IPv6  under 2000::/3, lengths /29-/47 15%, /48 20%, /56 15%, /64 30%, /65-/127 5%, /128 15%
//         (half of the /128s with a small interface id, `...::1`); groups are often zero or short,
//         so the canonical (RFC 5952) text has `::` at the end, in the middle or not at all.
//         5% of lines are written fully expanded with leading zeros (2001:0db8:0000:...), 1% are
//         IPv4-mapped hosts (::ffff:1.2.3.4/128), the rest canonically.
//   mixed IPv4 or IPv6 with equal probability, line by line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ipplan/address.h"
#include "ipplan/format.h"
#include "ipplan/prefix.h"

namespace ipplan::bench {

enum class ListFamily { kV4, kV6, kMixed };

inline constexpr std::uint64_t kDefaultSeed = 0x1f2e3d4c5b6a7988ULL;

// Room `ListGenerator::write_line` needs: the longest prefix text plus the newline.
inline constexpr std::size_t kMaxLineBytes = kMaxRangeText + 1;

inline std::optional<ListFamily> parse_list_family(std::string_view name) {
  if (name == "v4") return ListFamily::kV4;
  if (name == "v6") return ListFamily::kV6;
  if (name == "mixed") return ListFamily::kMixed;
  return std::nullopt;
}

class ListGenerator {
 public:
  explicit ListGenerator(ListFamily family, std::uint64_t seed = kDefaultSeed)
      : family_(family), state_(seed) {}

  // Writes the next line (text plus '\n') at `out`, which has kMaxLineBytes of room; returns
  // one past the newline.
  char* write_line(char* out) {
    const bool v4 = family_ == ListFamily::kV4 || (family_ == ListFamily::kMixed && below(2) == 0);
    out = v4 ? write_v4(out) : write_v6(out);
    *out++ = '\n';
    return out;
  }

 private:
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for n < 2^32 (multiply-shift, no rejection).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  std::uint32_t between(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }

  char* write_v4(char* out) {
    const std::uint32_t r = below(100);
    int length = 24;
    if (r < 5) {
      length = static_cast<int>(between(8, 15));
    } else if (r < 25) {
      length = static_cast<int>(between(16, 23));
    } else if (r < 65) {
      length = 24;
    } else if (r < 80) {
      length = static_cast<int>(between(25, 31));
    } else {
      length = 32;
    }
    const std::uint32_t first_octet = below(5) == 0 ? 10 : between(1, 223);
    const std::uint32_t value = (first_octet << 24) | (static_cast<std::uint32_t>(next()) >> 8);
    return write_prefix(Prefix::containing(Address::v4(value), length), out);
  }

  // A 16-bit group as people number them: often zero, often only one or two hex digits.
  std::uint64_t group() {
    const std::uint32_t r = below(8);
    if (r < 2) return 0;
    const std::uint32_t digits = r < 4 ? 1 : r < 5 ? 2 : r < 6 ? 3 : 4;
    return below(1U << (4 * digits));
  }

  char* write_v6(char* out) {
    const std::uint32_t r = below(100);
    if (r == 0) {  // IPv4-mapped host
      const std::uint64_t low = (0xffffULL << 32) | (next() & 0xffffffffULL);
      return write_prefix(Prefix::host(Address::v6(0, low)), out);
    }
    int length = 64;
    if (r < 16) {
      length = static_cast<int>(between(29, 47));
    } else if (r < 36) {
      length = 48;
    } else if (r < 51) {
      length = 56;
    } else if (r < 81) {
      length = 64;
    } else if (r < 86) {
      length = static_cast<int>(between(65, 127));
    } else {
      length = 128;
    }
    // 2000::/3 with a registry-looking first group (2001, 2a02, 2600, 2c0f...), then a
    // typical allocation: a dense 32-bit block followed by sparse site and subnet numbers.
    const std::uint64_t g0 = 0x2000 | below(0x1000);
    const std::uint64_t g1 = below(4) == 0 ? group() : below(0x10000);
    std::uint64_t high = (g0 << 48) | (g1 << 32) | (group() << 16) | group();
    std::uint64_t low = 0;
    if (length > 64) {
      if (below(2) == 0) {
        low = group();  // ::1, ::a, ::1f3
      } else {
        low = next();
      }
    }
    const Prefix prefix = Prefix::containing(Address::v6(high, low), length);
    if (below(20) == 0) return write_expanded(prefix, out);
    return write_prefix(prefix, out);
  }

  // Eight 4-digit groups, leading zeros kept: valid input, never the canonical form.
  static char* write_expanded(const Prefix& prefix, char* out) {
    static constexpr char kHex[] = "0123456789abcdef";
    const uint128 value = prefix.address().value();
    for (int g = 7; g >= 0; --g) {
      const auto bits = static_cast<std::uint32_t>(value >> (16 * g)) & 0xffffU;
      *out++ = kHex[(bits >> 12) & 15];
      *out++ = kHex[(bits >> 8) & 15];
      *out++ = kHex[(bits >> 4) & 15];
      *out++ = kHex[bits & 15];
      if (g != 0) *out++ = ':';
    }
    *out++ = '/';
    const int length = prefix.length();
    if (length >= 100) *out++ = '1';
    if (length >= 10) *out++ = static_cast<char>('0' + (length / 10) % 10);
    *out++ = static_cast<char>('0' + length % 10);
    return out;
  }

  ListFamily family_;
  std::uint64_t state_;
};

// A whole list of `count` lines as one string.
inline std::string generate_list(ListFamily family, std::size_t count,
                                 std::uint64_t seed = kDefaultSeed) {
  ListGenerator generator(family, seed);
  std::string text;
  text.resize(count * kMaxLineBytes);
  char* const begin = text.data();
  char* out = begin;
  for (std::size_t i = 0; i < count; ++i) out = generator.write_line(out);
  text.resize(static_cast<std::size_t>(out - begin));
  text.shrink_to_fit();
  return text;
}

// The lines of `text` without their newlines (views into `text`).
inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace ipplan::bench
