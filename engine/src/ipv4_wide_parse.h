// ipv4_wide_parse.h — the IPv4 half of try_parse_prefix, reading the text 16 bytes at a time.
//
// A list line is nearly always `a.b.c.d/len`. Instead of a digit-by-digit walk (a branch per
// octet width, mispredicted on mixed widths), one SSE2 load finds every dot, slash and digit
// at once; the octets' widths pick one of 81 shuffles (SSSE3) that puts each octet's digits in
// a 32-bit lane, and one multiply-add turns the four lanes into the four octets.
// Internal to the engine (parse.cc); it accepts exactly what accept_ipv4_prefix accepts, which
// the parse tests and the parse fuzzer hold it to. On a CPU without SSSE3 (checked once, at
// start-up) it accepts nothing and the scalar parser reads every line.
#pragma once

#include <string_view>

#include "ipplan/prefix.h"

namespace ipplan::detail {

// How many bytes accept_ipv4_prefix_wide may read from text.data(), whatever the text's length.
inline constexpr std::size_t kWideParseReadable = 16;

// True and `out` when `text` is exactly a well-formed IPv4 prefix (or bare address) with zero
// host bits. False when it is not, or not one this path decides (ask the scalar parser then).
// kWideParseReadable bytes from text.data() must be readable.
bool accept_ipv4_prefix_wide(std::string_view text, Prefix& out);

// Whether accept_ipv4_prefix_wide can accept anything on this CPU (x86 with SSSE3).
bool ipv4_wide_parse_available();

}  // namespace ipplan::detail
