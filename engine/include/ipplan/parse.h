// parse.h — strict parsing of addresses, prefixes and ranges from text.
//
// The grammar is SPEC section 2: IPv4 is exactly four decimal octets without leading zeros;
// IPv6 is RFC 4291 text (1-4 hex digits a group, one `::`, an optional dotted IPv4 tail) without
// brackets or zone ids; a prefix length is plain decimal with no sign or leading zero. The text
// must be exactly the value: the caller strips surrounding whitespace and comments.
//
// Every rejection carries a kind and the 1-based column of the offending character, so a reader
// can say `PATH:LINE: ... (column N)`. Parsing never allocates and never throws; only
// ParseError::message() builds a string, and only when a caller wants to print it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ipplan/address.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

namespace ipplan {

enum class ParseErrorKind : std::uint8_t {
  kNone = 0,
  kEmpty,
  kNotAnAddress,           // neither '.' nor ':' where an address should be
  kUnexpectedCharacter,    // a character that has no place here (whitespace, letters, ...)
  kIPv4WrongOctetCount,    // 10.1, 1.2.3.4.5
  kIPv4EmptyOctet,         // 1..2.3, trailing dot
  kIPv4LeadingZero,        // 010.0.0.1: ambiguous octal
  kIPv4OctetTooLarge,      // 256
  kIPv6EmptyGroup,         // ':::' or a single leading/trailing ':'
  kIPv6GroupTooLong,       // more than 4 hex digits
  kIPv6TooManyGroups,      // more than 8 groups, or 8 groups with '::'
  kIPv6TooFewGroups,       // fewer than 8 groups and no '::'
  kIPv6SecondDoubleColon,  // 1::2::3
  kIPv6MisplacedIPv4,      // a dotted tail that is not the last 32 bits
  kZoneId,                 // fe80::1%eth0
  kBrackets,               // [2001:db8::1]
  kPrefixLengthMissing,    // 10.0.0.0/
  kPrefixLengthNotDecimal, // /+8, /0x8, /8.0
  kPrefixLengthLeadingZero,// /08
  kPrefixLengthTooLarge,   // /33 for IPv4, /129 for IPv6
  kHostBitsSet,            // 10.0.0.1/24 (unless truncation was asked for)
  kRangeFamilyMismatch,    // 10.0.0.1-::1
  kRangeReversed,          // 10.0.0.9-10.0.0.1
  kRangeEndIsPrefix,       // 10.0.0.0/24-10.0.1.0: a range is two addresses
};

struct ParseError {
  ParseErrorKind kind = ParseErrorKind::kNone;
  std::uint32_t column = 0;  // 1-based, into the text that was parsed

  constexpr bool ok() const { return kind == ParseErrorKind::kNone; }
  // e.g. `leading zero in IPv4 octet (ambiguous octal)`.
  std::string_view reason() const;
  // e.g. `invalid prefix "010.0.0.0/8": leading zero in IPv4 octet (ambiguous octal) at column 1`
  // The quoted text is shortened when very long. `what` names the thing: "address", "prefix"...
  std::string message(std::string_view what, std::string_view text) const;
};

template <typename T>
struct ParseResult {
  T value{};
  ParseError error{};
  // Set when host bits were cleared under HostBits::kTruncate (the caller warns).
  bool host_bits_cleared = false;

  constexpr bool ok() const { return error.ok(); }
};

// What to do with a prefix whose host bits are not zero.
enum class HostBits : std::uint8_t { kReject, kTruncate };

// An IPv4 or IPv6 address: family decided by the presence of ':'.
ParseResult<Address> parse_address(std::string_view text);
ParseResult<Address> parse_ipv4(std::string_view text);
ParseResult<Address> parse_ipv6(std::string_view text);

// `address/length`, or a bare address as the single-address prefix.
ParseResult<Prefix> parse_prefix(std::string_view text, HostBits host_bits = HostBits::kReject);

// The fast, non-diagnosing form of parse_prefix for hot loops: true and the prefix for a
// well-formed prefix or bare address with zero host bits; false for everything else (ask
// parse_prefix or parse_range then, which say why, or accept a range).
bool try_parse_prefix(std::string_view text, Prefix& out);
// The same answers, faster, when more of one buffer follows the text: every byte from
// text.data() up to `readable_end` may be read (a list line inside the whole input).
bool try_parse_prefix(std::string_view text, const char* readable_end, Prefix& out);

// A prefix, a bare address, or `first-last` (two addresses of one family, first <= last).
ParseResult<Range> parse_range(std::string_view text, HostBits host_bits = HostBits::kReject);

}  // namespace ipplan
