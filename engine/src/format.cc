// format.cc — canonical printing (RFC 5952 for IPv6) into caller buffers.
#include "ipplan/format.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace ipplan {
namespace {

char* write_decimal(unsigned value, char* out) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) *out++ = digits[--n];
  return out;
}

// The decimal text of 0-255, each in four bytes: up to three digits, then the digit count.
constexpr std::array<std::array<char, 4>, 256> kDecimalBytes = [] {
  std::array<std::array<char, 4>, 256> table{};
  for (unsigned i = 0; i < 256; ++i) {
    const char digits[3] = {static_cast<char>('0' + i / 100), static_cast<char>('0' + i / 10 % 10),
                            static_cast<char>('0' + i % 10)};
    const int width = i >= 100 ? 3 : i >= 10 ? 2 : 1;
    for (int d = 0; d < width; ++d) table[i][d] = digits[3 - width + d];
    table[i][3] = static_cast<char>(width);
  }
  return table;
}();

// Writes 0-255 as its whole table entry (one 4-byte store, no branch on the width) and steps
// past its digits; the caller's buffer has room for the spare byte (kMaxAddressText counts it).
char* write_byte_decimal(unsigned value, char* out) {
  const std::array<char, 4>& entry = kDecimalBytes[value];
  std::memcpy(out, entry.data(), 4);
  return out + entry[3];
}

char* write_ipv4(std::uint32_t value, char* out) {
  out = write_byte_decimal(value >> 24, out);
  *out++ = '.';
  out = write_byte_decimal((value >> 16) & 0xff, out);
  *out++ = '.';
  out = write_byte_decimal((value >> 8) & 0xff, out);
  *out++ = '.';
  return write_byte_decimal(value & 0xff, out);
}

char* write_hex_group(unsigned group, char* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const unsigned nibble = (group >> shift) & 0xf;
    if (nibble != 0 || started || shift == 0) {
      *out++ = kHex[nibble];
      started = true;
    }
  }
  return out;
}

char* write_ipv6(const Address& address, char* out) {
  const uint128 value = address.value();
  std::array<unsigned, 8> groups{};
  for (int g = 0; g < 8; ++g) {
    groups[g] = static_cast<unsigned>((value >> (112 - 16 * g)) & 0xffff);
  }
  const bool mapped = address.is_v4_mapped();
  const int hex_groups = mapped ? 6 : 8;
  // Longest run of at least two zero groups; the first one wins a tie.
  int best_start = -1;
  int best_length = 1;
  for (int g = 0; g < hex_groups;) {
    if (groups[g] != 0) {
      ++g;
      continue;
    }
    int end = g;
    while (end < hex_groups && groups[end] == 0) ++end;
    if (end - g > best_length) {
      best_start = g;
      best_length = end - g;
    }
    g = end;
  }
  for (int g = 0; g < hex_groups;) {
    if (g == best_start) {
      *out++ = ':';
      *out++ = ':';
      g += best_length;
      continue;
    }
    if (g != 0 && g != best_start + best_length) *out++ = ':';
    out = write_hex_group(groups[g], out);
    ++g;
  }
  if (mapped) {
    if (best_start + best_length != hex_groups) *out++ = ':';
    out = write_ipv4(static_cast<std::uint32_t>(value), out);
  }
  return out;
}

}  // namespace

char* write_address(const Address& address, char* out) {
  if (address.is_v4()) return write_ipv4(address.v4_value(), out);
  if (address.is_v6()) return write_ipv6(address, out);
  static constexpr char kInvalid[] = "invalid";
  for (const char c : std::string_view(kInvalid)) *out++ = c;
  return out;
}

char* write_prefix(const Prefix& prefix, char* out) {
  out = write_address(prefix.address(), out);
  *out++ = '/';
  return write_decimal(static_cast<unsigned>(prefix.length()), out);
}

char* write_range(const Range& range, char* out) {
  if (const auto prefix = range.as_prefix()) return write_prefix(*prefix, out);
  out = write_address(range.first(), out);
  *out++ = '-';
  return write_address(range.last(), out);
}

std::string to_string(const Address& address) {
  char buffer[kMaxAddressText];
  return std::string(buffer, write_address(address, buffer));
}

std::string to_string(const Prefix& prefix) {
  char buffer[kMaxPrefixText];
  return std::string(buffer, write_prefix(prefix, buffer));
}

std::string to_string(const Range& range) {
  char buffer[kMaxRangeText];
  return std::string(buffer, write_range(range, buffer));
}

std::string_view family_name(Family family) {
  switch (family) {
    case Family::kV4: return "IPv4";
    case Family::kV6: return "IPv6";
    case Family::kNone: break;
  }
  return "none";
}

}  // namespace ipplan
