// parse.cc — hand-written, allocation-free parsers for SPEC section 2's address grammar.
#include "ipplan/parse.h"

#include <array>
#include <bit>
#include <cstddef>
#include <cstring>

#include "ipplan/strings.h"
#include "ipv4_wide_parse.h"
#include "ipv6_wide_parse.h"

namespace ipplan {
namespace {

using Kind = ParseErrorKind;

constexpr ParseError fail(Kind kind, std::size_t index) {
  return ParseError{kind, static_cast<std::uint32_t>(index + 1)};
}

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A table, not three range tests: random hex digits make those branches unpredictable.
constexpr std::array<std::int8_t, 256> kHexValue = [] {
  std::array<std::int8_t, 256> table{};
  for (int i = 0; i < 256; ++i) {
    table[i] = i >= '0' && i <= '9'   ? static_cast<std::int8_t>(i - '0')
               : i >= 'a' && i <= 'f' ? static_cast<std::int8_t>(i - 'a' + 10)
               : i >= 'A' && i <= 'F' ? static_cast<std::int8_t>(i - 'A' + 10)
                                      : std::int8_t{-1};
  }
  return table;
}();

constexpr int hex_value(char c) { return kHexValue[static_cast<unsigned char>(c)]; }

// Parses exactly four dotted octets from text[begin, end); the value goes to `out`.
ParseError parse_ipv4_span(std::string_view text, std::size_t begin, std::size_t end,
                           std::uint32_t& out) {
  std::uint32_t value = 0;
  int octets = 0;
  std::size_t i = begin;
  while (true) {
    if (octets == 4) return fail(Kind::kIPv4WrongOctetCount, i - 1);
    const std::size_t octet_start = i;
    unsigned octet = 0;
    while (i < end && is_digit(text[i])) {
      octet = octet * 10 + static_cast<unsigned>(text[i] - '0');
      if (octet > 255) return fail(Kind::kIPv4OctetTooLarge, octet_start);
      ++i;
    }
    if (i == octet_start) {
      if (i < end && text[i] != '.') return fail(Kind::kUnexpectedCharacter, i);
      return fail(Kind::kIPv4EmptyOctet, i);
    }
    if (i - octet_start > 1 && text[octet_start] == '0') {
      return fail(Kind::kIPv4LeadingZero, octet_start);
    }
    value = (value << 8) | octet;
    ++octets;
    if (i == end) break;
    if (text[i] != '.') return fail(Kind::kUnexpectedCharacter, i);
    ++i;
    if (i == end) return fail(Kind::kIPv4EmptyOctet, i - 1);  // points at the trailing dot
  }
  if (octets != 4) return fail(Kind::kIPv4WrongOctetCount, end == begin ? begin : end - 1);
  out = value;
  return {};
}

// Locates a character that marks text as something other than a bare address.
ParseError check_wrapping(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') return fail(Kind::kZoneId, i);
    if (text[i] == '[' || text[i] == ']') return fail(Kind::kBrackets, i);
  }
  return {};
}

ParseError parse_ipv6_span(std::string_view text, uint128& out) {
  const std::size_t n = text.size();
  if (n == 0) return fail(Kind::kEmpty, 0);
  std::array<std::uint16_t, 8> groups{};
  int count = 0;
  int gap = -1;  // index in `groups` where '::' stands
  std::size_t i = 0;
  if (text[0] == ':') {
    if (n < 2 || text[1] != ':') return fail(Kind::kIPv6EmptyGroup, 0);
    gap = 0;
    i = 2;
  }
  while (i < n) {
    const std::size_t group_start = i;
    unsigned value = 0;
    while (i < n && i - group_start < 5) {
      const int h = hex_value(text[i]);
      if (h < 0) break;
      value = (value << 4) | static_cast<unsigned>(h);
      ++i;
    }
    if (i < n && text[i] == '.') {
      // A dotted IPv4 tail: it must end the text and leave room for exactly 32 bits.
      if (count > 6 || (gap < 0 && count != 6) ||
          text.find(':', group_start) != std::string_view::npos) {
        return fail(Kind::kIPv6MisplacedIPv4, group_start);
      }
      std::uint32_t v4 = 0;
      if (ParseError e = parse_ipv4_span(text, group_start, n, v4); !e.ok()) return e;
      groups[count++] = static_cast<std::uint16_t>(v4 >> 16);
      groups[count++] = static_cast<std::uint16_t>(v4);
      i = n;
      break;
    }
    if (i == group_start) {
      if (text[i] == ':') return fail(Kind::kIPv6EmptyGroup, i);
      return fail(Kind::kUnexpectedCharacter, i);
    }
    if (i - group_start > 4) return fail(Kind::kIPv6GroupTooLong, group_start);
    if (count == 8) return fail(Kind::kIPv6TooManyGroups, group_start);
    groups[count++] = static_cast<std::uint16_t>(value);
    if (i == n) break;
    if (text[i] != ':') return fail(Kind::kUnexpectedCharacter, i);
    if (i + 1 < n && text[i + 1] == ':') {
      if (gap >= 0) return fail(Kind::kIPv6SecondDoubleColon, i);
      gap = count;
      i += 2;
      continue;
    }
    ++i;
    if (i == n) return fail(Kind::kIPv6EmptyGroup, i - 1);
  }
  if (gap < 0 && count != 8) return fail(Kind::kIPv6TooFewGroups, n - 1);
  if (gap >= 0 && count > 7) {
    return fail(Kind::kIPv6TooManyGroups, static_cast<std::size_t>(text.find("::")));
  }
  uint128 value = 0;
  const int missing = 8 - count;
  for (int g = 0, src = 0; g < 8; ++g) {
    std::uint16_t group = 0;
    if (gap >= 0 && g >= gap && g < gap + missing) {
      group = 0;
    } else {
      group = groups[src++];
    }
    value = (value << 16) | group;
  }
  out = value;
  return {};
}

// Parses the decimal prefix length in text[begin, end) for a family of `bits`.
ParseError parse_length(std::string_view text, std::size_t begin, int bits, int& out) {
  const std::size_t end = text.size();
  if (begin == end) return fail(Kind::kPrefixLengthMissing, begin - 1);
  if (!is_digit(text[begin])) return fail(Kind::kPrefixLengthNotDecimal, begin);
  int length = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (!is_digit(text[i])) return fail(Kind::kPrefixLengthNotDecimal, i);
    if (i > begin && text[begin] == '0') return fail(Kind::kPrefixLengthLeadingZero, begin);
    length = length * 10 + (text[i] - '0');
    if (length > bits) return fail(Kind::kPrefixLengthTooLarge, begin);
  }
  out = length;
  return {};
}

ParseError check_empty(std::string_view text) {
  return text.empty() ? fail(Kind::kEmpty, 0) : ParseError{};
}

// The accepting path. Real inventories are overwhelmingly well-formed prefixes, so they are read
// in one pass with the value in registers; anything unusual (an error, host bits, a range)
// returns false and goes down the diagnosing path below, which reaches the same verdict and
// says precisely what is wrong. The parse-case table and the ipaddress oracle hold both paths
// to one grammar.
bool accept_ipv4_prefix(std::string_view text, Prefix& out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const auto digit = [&](const char* q) {
    return q != end ? static_cast<unsigned>(static_cast<unsigned char>(*q)) - unsigned{'0'} : 10U;
  };
  std::uint32_t value = 0;
  for (int octet_index = 0; octet_index < 4; ++octet_index) {
    unsigned octet = digit(p);
    if (octet > 9) return false;
    ++p;
    if (const unsigned d2 = digit(p); d2 <= 9) {
      if (octet == 0) return false;  // leading zero
      octet = octet * 10 + d2;
      ++p;
      if (const unsigned d3 = digit(p); d3 <= 9) {
        octet = octet * 10 + d3;
        ++p;
        if (octet > 255 || digit(p) <= 9) return false;
      }
    }
    value = (value << 8) | octet;
    if (octet_index < 3) {
      if (p == end || *p != '.') return false;
      ++p;
    }
  }
  int length = 32;
  if (p != end) {
    if (*p != '/') return false;
    ++p;
    const unsigned d1 = digit(p);
    if (d1 > 9) return false;
    ++p;
    length = static_cast<int>(d1);
    if (const unsigned d2 = digit(p); d2 <= 9) {
      if (d1 == 0) return false;  // leading zero
      length = length * 10 + static_cast<int>(d2);
      ++p;
    }
    if (p != end || length > 32) return false;
  }
  const auto prefix = Prefix::make(Address::v4(value), length);
  if (!prefix) return false;
  out = *prefix;
  return true;
}

// Picks the wide path for a line: IPv6 text has a colon within its first five characters (a group
// has at most four digits), IPv4 text has none. Reads eight bytes, past a shorter text too: a
// wrong pick only sends the line on to the scalar parser, never changes the answer.
bool colon_in_first_five(const char* text) {
  if constexpr (std::endian::native == std::endian::little) {
    std::uint64_t word = 0;
    std::memcpy(&word, text, sizeof word);
    const std::uint64_t x = word ^ 0x3a3a3a3a3a3a3a3aULL;  // ':' bytes become zero
    // The high bit of each zero byte (and maybe of bytes after one, which does not matter here).
    const std::uint64_t zero = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
    return (zero & 0x8080808080ULL) != 0;
  } else {
    return std::string_view(text, 5).find(':') != std::string_view::npos;
  }
}

}  // namespace

bool try_parse_prefix(std::string_view text, Prefix& out) {
  if (accept_ipv4_prefix(text, out)) return true;
  const std::size_t slash = text.find('/');
  uint128 value = 0;
  if (!parse_ipv6_span(text.substr(0, slash), value).ok()) return false;
  int length = 128;
  if (slash != std::string_view::npos && !parse_length(text, slash + 1, 128, length).ok()) {
    return false;
  }
  const auto prefix = Prefix::make(Address::v6(value), length);
  if (!prefix) return false;
  out = *prefix;
  return true;
}

bool try_parse_prefix(std::string_view text, const char* readable_end, Prefix& out) {
  const auto readable = static_cast<std::size_t>(readable_end - text.data());
  if (readable >= detail::kWideParse6Readable) {
    const bool ipv6 = colon_in_first_five(text.data());
    const bool accepted = ipv6 ? detail::accept_ipv6_prefix_wide(text, out)
                               : detail::accept_ipv4_prefix_wide(text, out);
    if (accepted) return true;
  } else if (readable >= detail::kWideParseReadable && detail::accept_ipv4_prefix_wide(text, out)) {
    return true;
  }
  return try_parse_prefix(text, out);
}

ParseResult<Address> parse_ipv4(std::string_view text) {
  ParseResult<Address> result;
  if ((result.error = check_empty(text)).ok()) {
    std::uint32_t v4 = 0;
    result.error = parse_ipv4_span(text, 0, text.size(), v4);
    if (result.ok()) result.value = Address::v4(v4);
  }
  return result;
}

ParseResult<Address> parse_ipv6(std::string_view text) {
  ParseResult<Address> result;
  uint128 v6 = 0;
  result.error = parse_ipv6_span(text, v6);
  if (result.ok()) {
    result.value = Address::v6(v6);
  } else if (const ParseError wrapping = check_wrapping(text); !wrapping.ok()) {
    // '%', '[' and ']' always fail the span parse; name the real problem instead.
    result.error = wrapping;
  }
  return result;
}

ParseResult<Address> parse_address(std::string_view text) {
  if (text.empty()) return {{}, fail(Kind::kEmpty, 0)};
  // Only IPv6 has ':'; IPv4 needs dots. Anything else is not an address at all.
  if (text.find(':') != std::string_view::npos) return parse_ipv6(text);
  if (text.find('.') != std::string_view::npos) return parse_ipv4(text);
  return {{}, fail(Kind::kNotAnAddress, 0)};
}

ParseResult<Prefix> parse_prefix(std::string_view text, HostBits host_bits) {
  ParseResult<Prefix> result;
  if (try_parse_prefix(text, result.value)) return result;
  const std::size_t slash = text.find('/');
  const std::string_view address_text = text.substr(0, slash);
  const ParseResult<Address> address = parse_address(address_text);
  if (!address.ok()) {
    result.error = address.error;
    return result;
  }
  if (slash == std::string_view::npos) {
    result.value = Prefix::host(address.value);
    return result;
  }
  int length = 0;
  result.error = parse_length(text, slash + 1, address.value.bits(), length);
  if (!result.ok()) return result;
  if (const auto exact = Prefix::make(address.value, length)) {
    result.value = *exact;
    return result;
  }
  if (host_bits == HostBits::kReject) {
    result.error = fail(Kind::kHostBitsSet, 0);
    return result;
  }
  result.value = Prefix::containing(address.value, length);
  result.host_bits_cleared = true;
  return result;
}

ParseResult<Range> parse_range(std::string_view text, HostBits host_bits) {
  ParseResult<Range> result;
  if (Prefix prefix; try_parse_prefix(text, prefix)) {
    result.value = Range(prefix);
    return result;
  }
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    const ParseResult<Prefix> prefix = parse_prefix(text, host_bits);
    result.value = Range(prefix.value);
    result.error = prefix.error;
    result.host_bits_cleared = prefix.host_bits_cleared;
    return result;
  }
  const std::string_view first_text = text.substr(0, dash);
  const std::string_view last_text = text.substr(dash + 1);
  if (first_text.empty()) {
    result.error = fail(Kind::kEmpty, 0);
    return result;
  }
  if (const std::size_t slash = first_text.find('/'); slash != std::string_view::npos) {
    result.error = fail(Kind::kRangeEndIsPrefix, slash);
    return result;
  }
  const ParseResult<Address> first = parse_address(first_text);
  if (!first.ok()) {
    result.error = first.error;
    return result;
  }
  if (last_text.empty()) {
    result.error = fail(Kind::kEmpty, dash);  // nothing after the dash
    return result;
  }
  if (const std::size_t slash = last_text.find('/'); slash != std::string_view::npos) {
    result.error = fail(Kind::kRangeEndIsPrefix, dash + 1 + slash);
    return result;
  }
  ParseResult<Address> last = parse_address(last_text);
  if (!last.ok()) {
    result.error = last.error;
    result.error.column += static_cast<std::uint32_t>(dash + 1);
    return result;
  }
  if (first.value.family() != last.value.family()) {
    result.error = fail(Kind::kRangeFamilyMismatch, dash + 1);
    return result;
  }
  if (const auto range = Range::make(first.value, last.value)) {
    result.value = *range;
  } else {
    result.error = fail(Kind::kRangeReversed, dash + 1);
  }
  return result;
}

std::string_view ParseError::reason() const {
  switch (kind) {
    case Kind::kNone: return "no error";
    case Kind::kEmpty: return "empty value";
    case Kind::kNotAnAddress: return "not an IP address (IPv4 needs four dotted octets)";
    case Kind::kUnexpectedCharacter: return "unexpected character";
    case Kind::kIPv4WrongOctetCount: return "IPv4 address needs exactly four octets";
    case Kind::kIPv4EmptyOctet: return "empty IPv4 octet";
    case Kind::kIPv4LeadingZero: return "leading zero in IPv4 octet (ambiguous octal)";
    case Kind::kIPv4OctetTooLarge: return "IPv4 octet out of range 0-255";
    case Kind::kIPv6EmptyGroup: return "empty IPv6 group (a lone ':' or ':::')";
    case Kind::kIPv6GroupTooLong: return "IPv6 group longer than 4 hex digits";
    case Kind::kIPv6TooManyGroups: return "too many IPv6 groups";
    case Kind::kIPv6TooFewGroups: return "too few IPv6 groups and no '::'";
    case Kind::kIPv6SecondDoubleColon: return "more than one '::' in IPv6 address";
    case Kind::kIPv6MisplacedIPv4: return "embedded IPv4 must be the last 32 bits of IPv6";
    case Kind::kZoneId: return "zone ids ('%...') are not allowed";
    case Kind::kBrackets: return "brackets are not allowed around an address";
    case Kind::kPrefixLengthMissing: return "missing prefix length after '/'";
    case Kind::kPrefixLengthNotDecimal: return "prefix length must be plain decimal";
    case Kind::kPrefixLengthLeadingZero: return "leading zero in prefix length";
    case Kind::kPrefixLengthTooLarge: return "prefix length too large for the address family";
    case Kind::kHostBitsSet:
      return "host bits set (use --allow-host-bits to truncate)";
    case Kind::kRangeFamilyMismatch: return "range ends are of different address families";
    case Kind::kRangeReversed: return "range end is before its start";
    case Kind::kRangeEndIsPrefix: return "a range is two addresses, not prefixes";
  }
  return "invalid";
}

std::string ParseError::message(std::string_view what, std::string_view text) const {
  constexpr std::size_t kMaxQuoted = 64;
  std::string quoted;
  quoted.reserve(kMaxQuoted + 8);
  const std::string_view shown = text.substr(0, kMaxQuoted);
  for (const char c : shown) {
    // Keep the message one printable ASCII line whatever the input holds: a stray BOM, NUL or
    // invalid UTF-8 shows as \xNN instead of vanishing or breaking the terminal.
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      quoted += "\\x";
      quoted += kHex[u >> 4];
      quoted += kHex[u & 15];
    } else {
      quoted += c;
    }
  }
  if (text.size() > kMaxQuoted) quoted += str_cat("... (", text.size(), " bytes)");
  return str_cat("invalid ", what, " \"", quoted, "\": ", reason(), " at column ", column);
}

}  // namespace ipplan
