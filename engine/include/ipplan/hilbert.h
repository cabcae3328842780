// hilbert.h — the Hilbert curve of order n: a bijection between the indexes 0 .. 4^n - 1 and the
// cells (x, y) of a 2^n x 2^n grid.
//
// What it promises: hilbert_point and hilbert_index are inverse to each other for every order
// 0 .. kMaxHilbertOrder; consecutive indexes are adjacent cells (one step in x or y); and every
// aligned run of 4^k indexes [m * 4^k, (m + 1) * 4^k) fills one aligned 2^k x 2^k square. That
// last property is why the report draws address space on it: an aligned block of addresses is a
// square on the map, and blocks next to each other in address space are next to each other on
// the map. Index 0 is at (0, 0) and the last index at (2^n - 1, 0).
//
// Cost: O(n) arithmetic per call, no allocation.
#pragma once

#include <cstdint>

namespace ipplan {

inline constexpr int kMaxHilbertOrder = 16;  // 4^16 cells: far more than any picture needs

struct HilbertPoint {
  std::uint32_t x = 0;
  std::uint32_t y = 0;
  friend constexpr bool operator==(const HilbertPoint&, const HilbertPoint&) = default;
};

// The cell at `index` on the curve of `order`. Requires 0 <= order <= kMaxHilbertOrder and
// index < 4^order.
HilbertPoint hilbert_point(int order, std::uint64_t index);

// The position on the curve of `order` of the cell `point`. Requires x, y < 2^order.
std::uint64_t hilbert_index(int order, HilbertPoint point);

}  // namespace ipplan
