// ipv6_wide_parse.h — the IPv6 half of try_parse_prefix, reading the text 16 bytes at a time.
//
// An IPv6 list line is nearly always `hex:hex:...::/len`. Instead of a character-by-character
// walk (a branch per group width, mispredicted on mixed widths), two or three SSE2 loads find every
// colon, slash and hex digit and each character's nibble value at once; each group is then read
// from known positions without branching on its width.
// Internal to the engine (parse.cc); it accepts exactly what the scalar parser accepts, except
// that it leaves an embedded IPv4 tail (`::ffff:1.2.3.4`) to the scalar parser. The parse tests
// and the parse fuzzer hold it to that.
#pragma once

#include <cstddef>
#include <string_view>

#include "ipplan/prefix.h"

namespace ipplan::detail {

// How many bytes accept_ipv6_prefix_wide may read from text.data(), whatever the text's length.
inline constexpr std::size_t kWideParse6Readable = 48;

// True and `out` when `text` is exactly a well-formed IPv6 prefix (or bare address) without a
// dotted IPv4 tail and with zero host bits. False when it is not, or not one this path decides
// (ask the scalar parser then). kWideParse6Readable bytes from text.data() must be readable.
bool accept_ipv6_prefix_wide(std::string_view text, Prefix& out);

}  // namespace ipplan::detail
