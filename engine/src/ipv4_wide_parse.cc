// ipv4_wide_parse.cc — dotted quads located with one SSE2 compare per character class.
#include "ipv4_wide_parse.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ipplan::detail {

#if defined(__SSE2__)

namespace {

// The octet ending before `end` (exclusive) and starting at `start`, from digit values held at
// index + 4 in `digits` (so that end - 3 + 4 is never negative). Branch-free: a digit before the
// octet's start counts as zero. Returns 256 (invalid) for a width outside 1-3 or a leading zero.
unsigned octet_value(const std::uint8_t* digits, unsigned start, unsigned end) {
  const unsigned width = end - start;  // wraps to a huge value when end < start
  const std::uint8_t* last = digits + 4 + end;
  // Masks, not conditions: octet widths vary line by line, and a branch on them mispredicts.
  const unsigned has_tens = 0U - static_cast<unsigned>(width >= 2);
  const unsigned has_hundreds = 0U - static_cast<unsigned>(width >= 3);
  const unsigned value = last[-1] + (last[-2] & has_tens) * 10 + (last[-3] & has_hundreds) * 100;
  const unsigned bad = static_cast<unsigned>(width - 1 > 2) |
                       (static_cast<unsigned>(digits[4 + start] == 0) & (has_tens & 1U));
  return value | (bad << 8);  // 256 or more when bad
}

}  // namespace

bool accept_ipv4_prefix_wide(std::string_view text, Prefix& out) {
  const std::size_t size = text.size();
  if (size < 7 || size > 18) return false;  // "0.0.0.0" to "255.255.255.255/32"
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data()));
  const unsigned live = size >= 16 ? 0xffffU : (1U << size) - 1;
  const auto mask_of = [](__m128i equal) {
    return static_cast<unsigned>(_mm_movemask_epi8(equal));
  };
  const unsigned dots = mask_of(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.'))) & live;
  const unsigned slashes = mask_of(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('/'))) & live;
  const __m128i values = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
  const unsigned digits = mask_of(_mm_cmpeq_epi8(_mm_min_epu8(values, _mm_set1_epi8(9)), values)) & live;

  const unsigned address_end = slashes != 0 ? static_cast<unsigned>(std::countr_zero(slashes))
                                            : static_cast<unsigned>(size);
  if (address_end > 15) return false;
  const unsigned address = (1U << address_end) - 1;
  // Exactly three dots, all in the address: clearing the lowest set bit three times leaves 0.
  const unsigned rest = dots & (dots - 1);
  const unsigned after_second = rest & (rest - 1);
  if (((digits | dots) & address) != address || (dots & ~address) != 0 || rest == 0 ||
      after_second == 0 || (after_second & (after_second - 1)) != 0) {
    return false;
  }
  alignas(16) std::uint8_t digit_values[4 + 16] = {};
  _mm_storeu_si128(reinterpret_cast<__m128i*>(digit_values + 4), values);
  const auto d1 = static_cast<unsigned>(std::countr_zero(dots));
  const auto d2 = static_cast<unsigned>(std::countr_zero(rest));
  const auto d3 = static_cast<unsigned>(std::countr_zero(after_second));
  const unsigned o1 = octet_value(digit_values, 0, d1);
  const unsigned o2 = octet_value(digit_values, d1 + 1, d2);
  const unsigned o3 = octet_value(digit_values, d2 + 1, d3);
  const unsigned o4 = octet_value(digit_values, d3 + 1, address_end);
  if ((o1 | o2 | o3 | o4) > 255) return false;

  int length = 32;
  if (address_end != size) {  // "/" then one or two digits, no leading zero
    const std::size_t digits_after = size - address_end - 1;
    const auto digit_at = [&](std::size_t i) {
      return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - unsigned{'0'};
    };
    const unsigned first = digits_after >= 1 ? digit_at(address_end + 1) : 10U;
    if (first > 9 || digits_after > 2) return false;
    length = static_cast<int>(first);
    if (digits_after == 2) {
      const unsigned second = digit_at(address_end + 2);
      if (second > 9 || first == 0) return false;
      length = length * 10 + static_cast<int>(second);
    }
    if (length > 32) return false;
  }
  const std::uint32_t value = (o1 << 24) | (o2 << 16) | (o3 << 8) | o4;
  const std::uint32_t host_bits = static_cast<std::uint32_t>(0xffffffffULL >> length);
  if ((value & host_bits) != 0) return false;
  // Not Prefix::make: copying out of its std::optional stalled on store forwarding.
  out = Prefix::containing(Address::v4(value), length);
  return true;
}

#else

bool accept_ipv4_prefix_wide(std::string_view text, Prefix& out) {
  (void)text;
  (void)out;
  return false;  // no SSE2: the scalar parser decides everything
}

#endif

}  // namespace ipplan::detail
