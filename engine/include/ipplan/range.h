// range.h — an inclusive address range [first, last] of one family, and the CIDR arithmetic
// between ranges and prefixes (minimal cover, aligned split).
//
// Ranges are closed so that 255.255.255.255 and ffff:...:ffff need no "one past the end".
// Invariant of a valid Range: both ends valid, same family, first <= last. Every Prefix is a
// Range; a Range that is not a Prefix (a DHCP pool 10.0.0.10-10.0.0.99) is still a first-class
// value. The cover and split helpers call a visitor and allocate nothing; cover emits at most
// 2 * bits prefixes, split as many as asked for.
#pragma once

#include <compare>
#include <optional>

#include "ipplan/address.h"
#include "ipplan/prefix.h"

namespace ipplan {

class Range {
 public:
  constexpr Range() = default;
  constexpr Range(const Prefix& prefix) : first_(prefix.first()), last_(prefix.last()) {}  // NOLINT

  // [first, last], or nullopt when the families differ, either is invalid or first > last.
  static constexpr std::optional<Range> make(Address first, Address last) {
    if (!first.valid() || first.family() != last.family() || last < first) return std::nullopt;
    return Range(first, last);
  }

  constexpr bool valid() const { return first_.valid(); }
  constexpr Family family() const { return first_.family(); }
  constexpr Address first() const { return first_; }
  constexpr Address last() const { return last_; }

  // The prefix spelling exactly this range, when there is one.
  constexpr std::optional<Prefix> as_prefix() const {
    const uint128 span = last_.value() - first_.value();  // addresses - 1
    if ((span & (span + 1)) != 0) return std::nullopt;      // span + 1 not a power of two
    if ((first_.value() & span) != 0) return std::nullopt;  // not aligned
    return Prefix::make(first_, first_.bits() - bit_width(span));
  }
  constexpr bool is_prefix() const { return as_prefix().has_value(); }

  // Number of addresses minus one: fits in 128 bits even for ::/0.
  constexpr uint128 span() const { return last_.value() - first_.value(); }

  constexpr bool contains(Address a) const {
    return a.family() == family() && first_ <= a && a <= last_;
  }
  constexpr bool covers(const Range& other) const {
    return other.family() == family() && first_ <= other.first_ && other.last_ <= last_;
  }
  constexpr bool strictly_covers(const Range& other) const {
    return covers(other) && *this != other;
  }
  constexpr bool overlaps(const Range& other) const {
    return other.family() == family() && first_ <= other.last_ && other.first_ <= last_;
  }

  friend constexpr bool operator==(const Range&, const Range&) = default;
  // By first address, then the wider range first (so a container precedes what it holds).
  friend constexpr std::strong_ordering operator<=>(const Range& a, const Range& b) {
    if (auto c = a.first_ <=> b.first_; c != 0) return c;
    return b.last_ <=> a.last_;
  }

 private:
  constexpr Range(Address first, Address last) : first_(first), last_(last) {}
  Address first_;
  Address last_;
};

// The largest aligned prefix that starts at `first` and ends at or before `last`.
constexpr Prefix largest_prefix_at(Address first, Address last) {
  const int bits = first.bits();
  const uint128 room = last.value() - first.value();  // addresses available - 1
  // The block holds 2^h addresses: h is bounded by first's alignment and by the room left
  // (2^h <= room + 1, i.e. h <= bit_width(room + 1) - 1; room + 1 wraps only for ::/0).
  int host_bits = count_trailing_zeros(first.value());
  const int fit = room == ~uint128{0} ? 128 : bit_width(room + 1) - 1;
  if (fit < host_bits) host_bits = fit;
  if (host_bits > bits) host_bits = bits;
  return Prefix::containing(first, bits - host_bits);
}

// Visits the minimal list of prefixes whose union is exactly `range`, lowest first
// (Python's summarize_address_range). The visitor returns false to stop early.
template <typename Visitor>
constexpr void for_each_cover_prefix(const Range& range, Visitor&& visit) {
  Address cursor = range.first();
  while (true) {
    const Prefix block = largest_prefix_at(cursor, range.last());
    if (!visit(block)) return;
    if (block.last() == range.last()) return;
    cursor = block.last().next();
  }
}

// Visits the aligned sub-blocks of length `length` inside `prefix`, lowest first. Requires
// prefix.length() <= length <= bits. The visitor returns false to stop early (a /0 split into
// /128s is not meant to run to the end).
template <typename Visitor>
constexpr void for_each_subblock(const Prefix& prefix, int length, Visitor&& visit) {
  Address cursor = prefix.first();
  while (true) {
    const Prefix block = Prefix::containing(cursor, length);
    if (!visit(block)) return;
    if (block.last() == prefix.last()) return;
    cursor = block.last().next();
  }
}

}  // namespace ipplan
