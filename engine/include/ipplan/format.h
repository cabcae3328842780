// format.h — canonical text for addresses, prefixes and ranges (SPEC section 2).
//
// IPv4 is a dotted quad; IPv6 is RFC 5952: lower case, no leading zeros in a group, the longest
// run of two or more zero groups becomes `::` (the first run on a tie), and only IPv4-mapped
// addresses get a dotted tail (`::ffff:1.2.3.4`). A range that is a prefix prints as `a/len`,
// any other range as `first-last`.
//
// The `write_*` functions fill a caller-supplied buffer of at least kMaxRangeText bytes and
// return one past the last character written: no allocation, for the output hot paths. They may
// scribble on bytes after that end (inside the buffer's size): an IPv4 octet is stored as four
// bytes at once.
// The `to_string` overloads are the convenient, allocating form.
#pragma once

#include <cstddef>
#include <string>

#include "ipplan/address.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"

namespace ipplan {

inline constexpr std::size_t kMaxAddressText = 45;  // IPv6 with a dotted tail, generously
inline constexpr std::size_t kMaxPrefixText = kMaxAddressText + 4;
inline constexpr std::size_t kMaxRangeText = 2 * kMaxAddressText + 1;

char* write_address(const Address& address, char* out);
char* write_prefix(const Prefix& prefix, char* out);
char* write_range(const Range& range, char* out);

std::string to_string(const Address& address);
std::string to_string(const Prefix& prefix);
std::string to_string(const Range& range);

std::string_view family_name(Family family);  // "IPv4", "IPv6"

}  // namespace ipplan
