// address.h — an IPv4 or IPv6 address as a small comparable value.
//
// An Address is a family plus a 128-bit value; IPv4 lives in the low 32 bits. The two families
// never mix: an IPv4-mapped IPv6 address (::ffff:a.b.c.d) stays IPv6. The default-constructed
// Address is invalid (family kNone), so a forgotten initialisation is visible, not 0.0.0.0.
// Ordering puts every IPv4 address before every IPv6 address, then orders by value.
// Trivially copyable, 24 bytes, no allocation anywhere.
#pragma once

#include <compare>
#include <cstdint>

namespace ipplan {

__extension__ typedef unsigned __int128 uint128;  // GCC and Clang both have it

enum class Family : std::uint8_t { kNone = 0, kV4 = 4, kV6 = 6 };

// Number of bits in an address of `family` (32 or 128; 0 for kNone).
constexpr int address_bits(Family family) {
  return family == Family::kV4 ? 32 : family == Family::kV6 ? 128 : 0;
}

class Address {
 public:
  constexpr Address() = default;

  static constexpr Address v4(std::uint32_t value) { return Address(Family::kV4, value); }
  static constexpr Address v6(uint128 value) { return Address(Family::kV6, value); }
  static constexpr Address v6(std::uint64_t high, std::uint64_t low) {
    return Address(Family::kV6, (uint128{high} << 64) | low);
  }
  // The lowest and highest address of a family (0.0.0.0 / 255.255.255.255, :: / ffff:...:ffff).
  static constexpr Address lowest(Family family) { return Address(family, 0); }
  static constexpr Address highest(Family family) { return Address(family, all_ones(family)); }

  constexpr bool valid() const { return family_ != Family::kNone; }
  constexpr Family family() const { return family_; }
  constexpr bool is_v4() const { return family_ == Family::kV4; }
  constexpr bool is_v6() const { return family_ == Family::kV6; }
  constexpr int bits() const { return address_bits(family_); }

  constexpr uint128 value() const { return (uint128{high_} << 64) | low_; }
  constexpr std::uint64_t high64() const { return high_; }
  constexpr std::uint64_t low64() const { return low_; }
  // Only meaningful for IPv4.
  constexpr std::uint32_t v4_value() const { return static_cast<std::uint32_t>(low_); }

  // ::ffff:0:0/96 — printed with a dotted IPv4 tail, never converted to IPv4.
  constexpr bool is_v4_mapped() const {
    return is_v6() && high_ == 0 && (low_ >> 32) == 0xffffULL;
  }

  // Wrapping neighbours inside the family: callers check is_lowest()/is_highest() first.
  constexpr Address next() const { return Address(family_, value() + 1); }
  constexpr Address prev() const { return Address(family_, value() - 1); }
  constexpr bool is_lowest() const { return value() == 0; }
  constexpr bool is_highest() const { return value() == all_ones(family_); }

  friend constexpr bool operator==(const Address&, const Address&) = default;
  friend constexpr std::strong_ordering operator<=>(const Address& a, const Address& b) {
    if (a.family_ != b.family_) return a.family_ <=> b.family_;
    if (a.high_ != b.high_) return a.high_ <=> b.high_;
    return a.low_ <=> b.low_;
  }

  static constexpr uint128 all_ones(Family family) {
    return family == Family::kV4 ? uint128{0xffffffffU}
           : family == Family::kV6 ? ~uint128{0}
                                   : uint128{0};
  }

 private:
  constexpr Address(Family family, uint128 value)
      : high_(static_cast<std::uint64_t>(value >> 64)),
        low_(static_cast<std::uint64_t>(value)),
        family_(family) {}

  std::uint64_t high_ = 0;
  std::uint64_t low_ = 0;
  Family family_ = Family::kNone;
};

// Trailing zero bits of a 128-bit value (128 for zero).
constexpr int count_trailing_zeros(uint128 v) {
  const auto low = static_cast<std::uint64_t>(v);
  const auto high = static_cast<std::uint64_t>(v >> 64);
  if (low != 0) return __builtin_ctzll(low);
  if (high != 0) return 64 + __builtin_ctzll(high);
  return 128;
}

// Index of the highest set bit plus one (0 for zero): floor(log2(v)) + 1.
constexpr int bit_width(uint128 v) {
  const auto low = static_cast<std::uint64_t>(v);
  const auto high = static_cast<std::uint64_t>(v >> 64);
  if (high != 0) return 128 - __builtin_clzll(high);
  if (low != 0) return 64 - __builtin_clzll(low);
  return 0;
}

// Mask with the top `length` bits of a `family` address set (length 0..bits).
constexpr uint128 netmask_bits(Family family, int length) {
  const int bits = address_bits(family);
  if (length <= 0) return 0;
  const uint128 ones = Address::all_ones(family);
  if (length >= bits) return ones;
  return ones & ~(ones >> length);
}

// The host part mask: the low (bits - length) bits set.
constexpr uint128 hostmask_bits(Family family, int length) {
  return Address::all_ones(family) & ~netmask_bits(family, length);
}

}  // namespace ipplan
