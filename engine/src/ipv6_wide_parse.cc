// ipv6_wide_parse.cc — colon-separated hex groups located with SSE2 compares.
#include "ipv6_wide_parse.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ipplan::detail {

#if defined(__SSE2__)

namespace {

// Where each character class stands in the first 16 * `blocks` bytes (bit i is byte i), and
// each byte's hex value (meaningful only where `hex` has its bit), stored from index 4 on.
struct Classes {
  std::uint64_t hex = 0;
  std::uint64_t colons = 0;
  std::uint64_t slashes = 0;
  // Four zero bytes, then the values: a group's digits before its start read as zero padding.
  alignas(16) std::uint8_t nibbles[4 + 48];
};

void classify(const char* text, int blocks, Classes& out) {
  const __m128i zero_char = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  const __m128i five = _mm_set1_epi8(5);
  std::memset(out.nibbles, 0, 4);
  for (int block = 0; block < blocks; ++block) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + 16 * block));
    const __m128i digit_value = _mm_sub_epi8(bytes, zero_char);
    const __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(digit_value, nine), digit_value);
    // 'A'-'F' and 'a'-'f' alike: setting bit 5 lowers the case (and leaves digits digits).
    const __m128i letter_value =
        _mm_sub_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    const __m128i is_letter = _mm_cmpeq_epi8(_mm_min_epu8(letter_value, five), letter_value);
    const __m128i value =
        _mm_or_si128(_mm_and_si128(is_digit, digit_value),
                     _mm_and_si128(is_letter, _mm_add_epi8(letter_value, _mm_set1_epi8(10))));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out.nibbles + 4 + 16 * block), value);
    const auto mask_of = [](__m128i equal) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(equal)));
    };
    const int shift = 16 * block;
    out.hex |= mask_of(_mm_or_si128(is_digit, is_letter)) << shift;
    out.colons |= mask_of(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(':'))) << shift;
    out.slashes |= mask_of(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('/'))) << shift;
  }
}

// The group of 1-4 hex digits in [start, end). Branch-free on the width: a nibble before the
// group's start is masked to zero.
std::uint64_t group_value(const std::uint8_t* nibbles, unsigned start, unsigned end) {
  const unsigned width = end - start;
  const std::uint8_t* last = nibbles + 4 + end;
  const unsigned has_2 = 0U - static_cast<unsigned>(width >= 2);
  const unsigned has_3 = 0U - static_cast<unsigned>(width >= 3);
  const unsigned has_4 = 0U - static_cast<unsigned>(width >= 4);
  return last[-1] | ((last[-2] & has_2) << 4) | ((last[-3] & has_3) << 8) |
         ((last[-4] & has_4) << 12);
}

// The decimal prefix length in text[begin, end): 1-3 digits, no leading zero, at most 128.
// -1 when it is not one.
int prefix_length(std::string_view text, std::size_t begin) {
  const std::size_t digits = text.size() - begin;
  if (digits == 0 || digits > 3 || (digits > 1 && text[begin] == '0')) return -1;
  int length = 0;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0';
    if (digit > 9) return -1;
    length = length * 10 + static_cast<int>(digit);
  }
  return length <= 128 ? length : -1;
}

}  // namespace

bool accept_ipv6_prefix_wide(std::string_view text, Prefix& out) {
  const std::size_t size = text.size();
  if (size < 2 || size > 43) return false;  // "::" to eight full groups and "/128"
  Classes classes;
  // Most lines fit in two blocks; a third is read only for the long ones.
  classify(text.data(), size <= 32 ? 2 : 3, classes);
  const std::uint64_t live = (std::uint64_t{1} << size) - 1;
  const std::uint64_t slashes = classes.slashes & live;
  const unsigned address_end =
      slashes != 0 ? static_cast<unsigned>(std::countr_zero(slashes)) : static_cast<unsigned>(size);
  if (address_end < 2 || address_end > 39) return false;
  const std::uint64_t address = (std::uint64_t{1} << address_end) - 1;
  const std::uint64_t colons = classes.colons & address;
  // Only hex digits and colons before the slash: this also turns away an IPv4 tail's dots,
  // which the scalar parser reads.
  if (((classes.hex | colons) & address) != address) return false;

  // At most one "::" (and no ":::"): at most one colon directly followed by another.
  const std::uint64_t pairs = colons & (colons >> 1);
  if ((pairs & (pairs - 1)) != 0) return false;
  const unsigned gap_at = pairs != 0 ? static_cast<unsigned>(std::countr_zero(pairs)) : 64U;

  // Groups in text order; `gap_groups` counts those before the "::". An empty field is allowed
  // only inside the "::", before a leading one and after a trailing one.
  std::uint64_t groups[8] = {};
  unsigned count = 0;
  unsigned gap_groups = 8;
  unsigned start = 0;
  std::uint64_t rest = colons;
  while (true) {
    const unsigned end =
        rest != 0 ? static_cast<unsigned>(std::countr_zero(rest)) : address_end;
    const unsigned width = end - start;
    if (width - 1 < 4) {  // 1-4 digits (an empty field wraps to a huge width - 1)
      groups[count & 7] = group_value(classes.nibbles, start, end);
      ++count;
    } else if (width != 0) {
      return false;  // five or more digits
    } else if (start == gap_at + 1) {
      gap_groups = count;
    } else {
      const bool before_leading_gap = start == 0 && gap_at == 0;
      const bool after_trailing_gap = start == address_end && gap_at + 2 == address_end;
      if (!before_leading_gap && !after_trailing_gap) return false;
    }
    if (rest == 0) break;
    start = end + 1;
    rest &= rest - 1;
  }
  if (pairs == 0 ? count != 8 : count > 7) return false;
  // The "::" stands for the 8 - count zero groups between those before it and those after.
  std::uint64_t words[2] = {0, 0};
  const unsigned skip = 8 - count;
  for (unsigned g = 0; g < count; ++g) {
    const unsigned slot = g < gap_groups ? g : g + skip;
    words[slot >> 2] |= groups[g] << (16 * (3 - (slot & 3)));
  }
  const uint128 value = (uint128{words[0]} << 64) | words[1];

  int length = 128;
  if (address_end != size && (length = prefix_length(text, address_end + 1)) < 0) return false;
  if (length < 128 && (value << length) != 0) return false;  // host bits set
  out = Prefix::containing(Address::v6(value), length);
  return true;
}

#else

bool accept_ipv6_prefix_wide(std::string_view text, Prefix& out) {
  (void)text;
  (void)out;
  return false;  // no SSE2: the scalar parser decides everything
}

#endif

}  // namespace ipplan::detail
