// ipv4_wide_parse.cc — dotted quads read with one SSE2 compare per character class and one SSSE3
// shuffle that lines the digits up for a multiply-add.
#include "ipv4_wide_parse.h"

#include <array>
#include <bit>
#include <cstdint>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define IPPLAN_IPV4_WIDE_PARSE 1
#endif

namespace ipplan::detail {

#if defined(IPPLAN_IPV4_WIDE_PARSE)

namespace {

// Where the digits of a dotted quad go, for one combination of octet widths (1-3 each: 81).
struct QuadLayout {
  // pshufb indices: octet k (0 = first) fills bytes 4 * (3 - k) .. + 2 with its hundreds, tens
  // and ones digit, so that one multiply-add by (100, 10, 1, 0) makes each 32-bit lane an octet
  // and the first octet lands in the top byte once packed. 0x80 yields a zero byte.
  alignas(16) std::array<std::uint8_t, 16> shuffle;
  // The text positions of the first digit of each octet of two or three digits, which must not
  // be '0' (a leading zero).
  std::uint32_t leading;
};

constexpr int layout_index(unsigned w1, unsigned w2, unsigned w3, unsigned w4) {
  return static_cast<int>((w1 - 1) * 27 + (w2 - 1) * 9 + (w3 - 1) * 3 + (w4 - 1));
}

constexpr std::array<QuadLayout, 81> make_layouts() {
  std::array<QuadLayout, 81> layouts{};
  for (unsigned w1 = 1; w1 <= 3; ++w1) {
    for (unsigned w2 = 1; w2 <= 3; ++w2) {
      for (unsigned w3 = 1; w3 <= 3; ++w3) {
        for (unsigned w4 = 1; w4 <= 3; ++w4) {
          QuadLayout& layout = layouts[static_cast<std::size_t>(layout_index(w1, w2, w3, w4))];
          layout.shuffle.fill(0x80);
          const std::array<unsigned, 4> widths = {w1, w2, w3, w4};
          unsigned start = 0;
          for (unsigned k = 0; k < 4; ++k) {
            const unsigned width = widths[k];
            const unsigned lane = 4 * (3 - k);
            for (unsigned digit = 0; digit < width; ++digit) {  // ones, tens, hundreds
              layout.shuffle[lane + 2 - digit] = static_cast<std::uint8_t>(start + width - 1 - digit);
            }
            if (width >= 2) layout.leading |= 1U << start;
            start += width + 1;  // past the dot
          }
        }
      }
    }
  }
  return layouts;
}

constexpr std::array<QuadLayout, 81> kLayouts = make_layouts();

__attribute__((target("ssse3"))) bool accept_ssse3(std::string_view text, Prefix& out) {
  const std::size_t size = text.size();
  if (size < 7 || size > 18) return false;  // "0.0.0.0" to "255.255.255.255/32"
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data()));
  // Lines of 16 bytes or more and shorter ones alternate at random: a mask, not a branch.
  const unsigned live = ((1U << size) - 1) & 0xffffU;
  const auto mask_of = [](__m128i equal) {
    return static_cast<unsigned>(_mm_movemask_epi8(equal));
  };
  const unsigned dots = mask_of(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.'))) & live;
  const unsigned slashes = mask_of(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('/'))) & live;
  const __m128i values = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
  const unsigned digits =
      mask_of(_mm_cmpeq_epi8(_mm_min_epu8(values, _mm_set1_epi8(9)), values)) & live;

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
  const auto d1 = static_cast<unsigned>(std::countr_zero(dots));
  const auto d2 = static_cast<unsigned>(std::countr_zero(rest));
  const auto d3 = static_cast<unsigned>(std::countr_zero(after_second));
  // Octet widths; one outside 1-3 (two dots in a row, or four digits) wraps or exceeds 2 below.
  const unsigned w1 = d1;
  const unsigned w2 = d2 - d1 - 1;
  const unsigned w3 = d3 - d2 - 1;
  const unsigned w4 = address_end - d3 - 1;
  if ((static_cast<unsigned>(w1 - 1 > 2) | static_cast<unsigned>(w2 - 1 > 2) |
       static_cast<unsigned>(w3 - 1 > 2) | static_cast<unsigned>(w4 - 1 > 2)) != 0) {
    return false;
  }
  const QuadLayout& layout = kLayouts[static_cast<std::size_t>(layout_index(w1, w2, w3, w4))];
  const unsigned zeros = mask_of(_mm_cmpeq_epi8(values, _mm_setzero_si128()));
  if ((zeros & layout.leading) != 0) return false;
  const __m128i lined_up =
      _mm_shuffle_epi8(values, _mm_load_si128(reinterpret_cast<const __m128i*>(layout.shuffle.data())));
  // (100 h + 10 t, o) in 16-bit lanes, then h t o as one 32-bit lane per octet.
  const __m128i pairs = _mm_maddubs_epi16(lined_up, _mm_set1_epi32(0x00010a64));
  const __m128i octets = _mm_madd_epi16(pairs, _mm_set1_epi16(1));
  if (mask_of(_mm_cmpgt_epi32(octets, _mm_set1_epi32(255))) != 0) return false;
  const auto value = static_cast<std::uint32_t>(
      _mm_cvtsi128_si32(_mm_packus_epi16(_mm_packs_epi32(octets, octets), octets)));

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
  const std::uint32_t host_bits = static_cast<std::uint32_t>(0xffffffffULL >> length);
  if ((value & host_bits) != 0) return false;
  // Not Prefix::make: copying out of its std::optional stalled on store forwarding.
  out = Prefix::containing(Address::v4(value), length);
  return true;
}

bool has_ssse3() {
  __builtin_cpu_init();  // may run before the constructors that would otherwise call it
  return __builtin_cpu_supports("ssse3");
}

const bool kHasSsse3 = has_ssse3();

}  // namespace

bool ipv4_wide_parse_available() { return kHasSsse3; }

bool accept_ipv4_prefix_wide(std::string_view text, Prefix& out) {
  return kHasSsse3 && accept_ssse3(text, out);
}

#else

bool ipv4_wide_parse_available() { return false; }

bool accept_ipv4_prefix_wide(std::string_view text, Prefix& out) {
  (void)text;
  (void)out;
  return false;  // not x86: the scalar parser decides everything
}

#endif

}  // namespace ipplan::detail
