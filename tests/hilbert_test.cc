// hilbert_test.cc — the curve checked exhaustively for small orders: a bijection, unit steps,
// aligned index runs filling aligned squares, and spot checks at the largest order.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <vector>

#include "ipplan/hilbert.h"

using namespace ipplan;

TEST_CASE("hilbert order 0 is the single cell", "[hilbert]") {
  CHECK(hilbert_point(0, 0) == HilbertPoint{0, 0});
  CHECK(hilbert_index(0, {0, 0}) == 0);
}

TEST_CASE("hilbert order 1 visits the four cells as a U", "[hilbert]") {
  CHECK(hilbert_point(1, 0) == HilbertPoint{0, 0});
  CHECK(hilbert_point(1, 1) == HilbertPoint{0, 1});
  CHECK(hilbert_point(1, 2) == HilbertPoint{1, 1});
  CHECK(hilbert_point(1, 3) == HilbertPoint{1, 0});
}

TEST_CASE("hilbert curve is a bijection with unit steps for orders 1 to 7", "[hilbert]") {
  for (int order = 1; order <= 7; ++order) {
    const std::uint32_t side = 1U << order;
    const std::uint64_t cells = std::uint64_t{side} * side;
    std::vector<bool> seen(cells, false);
    HilbertPoint previous{};
    for (std::uint64_t index = 0; index < cells; ++index) {
      const HilbertPoint p = hilbert_point(order, index);
      REQUIRE(p.x < side);
      REQUIRE(p.y < side);
      const std::uint64_t slot = std::uint64_t{p.y} * side + p.x;
      REQUIRE_FALSE(seen[slot]);
      seen[slot] = true;
      REQUIRE(hilbert_index(order, p) == index);
      if (index > 0) {
        const int dx = std::abs(static_cast<int>(p.x) - static_cast<int>(previous.x));
        const int dy = std::abs(static_cast<int>(p.y) - static_cast<int>(previous.y));
        REQUIRE(dx + dy == 1);
      }
      previous = p;
    }
    // Starts in one corner and ends in the neighbouring one.
    CHECK(hilbert_point(order, 0) == HilbertPoint{0, 0});
    CHECK(hilbert_point(order, cells - 1) == HilbertPoint{side - 1, 0});
  }
}

TEST_CASE("hilbert aligned index runs fill aligned squares", "[hilbert]") {
  for (int order = 1; order <= 6; ++order) {
    for (int k = 0; k <= order; ++k) {
      const std::uint64_t run = std::uint64_t{1} << (2 * k);
      const std::uint32_t side = 1U << k;
      const std::uint64_t cells = std::uint64_t{1} << (2 * order);
      for (std::uint64_t start = 0; start < cells; start += run) {
        const HilbertPoint corner = hilbert_point(order, start);
        const std::uint32_t x0 = corner.x & ~(side - 1);
        const std::uint32_t y0 = corner.y & ~(side - 1);
        for (std::uint64_t index = start; index < start + run; ++index) {
          const HilbertPoint p = hilbert_point(order, index);
          REQUIRE((p.x & ~(side - 1)) == x0);
          REQUIRE((p.y & ~(side - 1)) == y0);
        }
      }
    }
  }
}

TEST_CASE("hilbert round trips at the largest order", "[hilbert]") {
  const std::uint64_t cells = std::uint64_t{1} << (2 * kMaxHilbertOrder);
  for (std::uint64_t index : {std::uint64_t{0}, std::uint64_t{1}, cells / 3, cells / 2 + 7,
                              cells - 2, cells - 1}) {
    const HilbertPoint p = hilbert_point(kMaxHilbertOrder, index);
    CHECK(hilbert_index(kMaxHilbertOrder, p) == index);
  }
  const std::uint64_t last = cells - 1;
  CHECK(hilbert_point(kMaxHilbertOrder, last) == HilbertPoint{(1U << kMaxHilbertOrder) - 1, 0});
}
