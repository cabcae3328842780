// prefix.h — a CIDR prefix (address + length, host bits zero) as a small comparable value.
//
// Invariant: a valid Prefix never has host bits set; `Prefix::make` refuses them and
// `Prefix::containing` masks them off. Comparison orders by family, first address, then length
// (a shorter prefix sorts before the longer ones it contains). Trivially copyable, no allocation.
#pragma once

#include <compare>
#include <optional>

#include "ipplan/address.h"

namespace ipplan {

class Prefix {
 public:
  constexpr Prefix() = default;

  // The prefix `address/length`, or nullopt when the length is out of range for the family or
  // host bits are set.
  static constexpr std::optional<Prefix> make(Address address, int length) {
    if (!address.valid() || length < 0 || length > address.bits()) return std::nullopt;
    if ((address.value() & hostmask_bits(address.family(), length)) != 0) return std::nullopt;
    return Prefix(address, length);
  }
  // The prefix of `length` that holds `address` (host bits cleared). Length must be in range.
  static constexpr Prefix containing(Address address, int length) {
    const uint128 masked = address.value() & netmask_bits(address.family(), length);
    return Prefix(with_value(address.family(), masked), length);
  }
  // The single-address prefix (/32 or /128).
  static constexpr Prefix host(Address address) { return Prefix(address, address.bits()); }

  constexpr bool valid() const { return address_.valid(); }
  constexpr Family family() const { return address_.family(); }
  constexpr Address address() const { return address_; }
  constexpr int length() const { return length_; }
  constexpr bool is_single_address() const { return length_ == address_.bits(); }

  // First and last address, inclusive.
  constexpr Address first() const { return address_; }
  constexpr Address last() const {
    return with_value(family(), address_.value() | hostmask_bits(family(), length_));
  }

  constexpr bool contains(Address a) const {
    return a.family() == family() &&
           (a.value() & netmask_bits(family(), length_)) == address_.value();
  }
  // True when every address of `other` is in this prefix (equal prefixes cover each other).
  constexpr bool covers(const Prefix& other) const {
    return other.family() == family() && other.length_ >= length_ && contains(other.address_);
  }
  constexpr bool strictly_covers(const Prefix& other) const {
    return covers(other) && other.length_ > length_;
  }
  constexpr bool overlaps(const Prefix& other) const {
    return covers(other) || other.covers(*this);
  }

  // The two halves of this prefix; only for prefixes shorter than the family's width.
  constexpr Prefix lower_half() const { return Prefix(address_, length_ + 1); }
  constexpr Prefix upper_half() const {
    const uint128 bit = uint128{1} << (address_.bits() - length_ - 1);
    return Prefix(with_value(family(), address_.value() | bit), length_ + 1);
  }

  friend constexpr bool operator==(const Prefix&, const Prefix&) = default;
  friend constexpr std::strong_ordering operator<=>(const Prefix& a, const Prefix& b) {
    if (auto c = a.address_ <=> b.address_; c != 0) return c;
    return a.length_ <=> b.length_;
  }

 private:
  constexpr Prefix(Address address, int length)
      : address_(address), length_(static_cast<std::uint8_t>(length)) {}
  static constexpr Address with_value(Family family, uint128 value) {
    return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value))
                                 : Address::v6(value);
  }

  Address address_;
  std::uint8_t length_ = 0;
};

}  // namespace ipplan
