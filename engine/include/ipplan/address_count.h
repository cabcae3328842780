// address_count.h — exact address counts for both families.
//
// ::/0 holds 2^128 addresses, one more than a 128-bit integer holds, and sums over millions of
// records grow further; AddressCount is Boost.Multiprecision's 256-bit unsigned integer, exact
// for any sum of up to 2^127 such ranges. Printing is decimal.
#pragma once

#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include "ipplan/range.h"

namespace ipplan {

using AddressCount = boost::multiprecision::uint256_t;

// Number of addresses in `range` (span + 1, computed without overflow).
inline AddressCount address_count(const Range& range) {
  const uint128 span = range.span();
  AddressCount count = static_cast<std::uint64_t>(span >> 64);
  count <<= 64;
  count += static_cast<std::uint64_t>(span);
  return count + 1;
}

inline std::string to_string(const AddressCount& count) { return count.str(); }

}  // namespace ipplan
