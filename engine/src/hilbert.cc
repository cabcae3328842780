// hilbert.cc — the curve is built quadrant by quadrant: at each level the two index bits pick a
// quadrant, and the sub-curve inside it is the whole curve reflected so that its ends meet the
// neighbouring quadrants' ends.
#include "ipplan/hilbert.h"

#include <utility>

namespace ipplan {
namespace {

// Reflects the cell inside a square of `side` cells so that the quadrant's sub-curve is oriented
// like the lower-left (entry) or lower-right (exit) quadrant of the whole curve.
void orient(std::uint32_t side, std::uint32_t& x, std::uint32_t& y, std::uint32_t right,
            std::uint32_t up) {
  if (up != 0) return;
  if (right != 0) {
    x = side - 1 - x;
    y = side - 1 - y;
  }
  std::swap(x, y);
}

}  // namespace

HilbertPoint hilbert_point(int order, std::uint64_t index) {
  std::uint32_t x = 0;
  std::uint32_t y = 0;
  std::uint64_t rest = index;
  const std::uint32_t side = std::uint32_t{1} << order;
  for (std::uint32_t step = 1; step < side; step <<= 1) {
    const auto right = static_cast<std::uint32_t>(1 & (rest >> 1));
    const auto up = static_cast<std::uint32_t>(1 & (rest ^ right));
    orient(step, x, y, right, up);
    x += step * right;
    y += step * up;
    rest >>= 2;
  }
  return {x, y};
}

std::uint64_t hilbert_index(int order, HilbertPoint point) {
  std::uint32_t x = point.x;
  std::uint32_t y = point.y;
  std::uint64_t index = 0;
  const std::uint32_t side = std::uint32_t{1} << order;
  for (std::uint32_t step = side >> 1; step > 0; step >>= 1) {
    const std::uint32_t right = (x & step) != 0 ? 1 : 0;
    const std::uint32_t up = (y & step) != 0 ? 1 : 0;
    index += std::uint64_t{step} * step * ((3 * right) ^ up);
    orient(side, x, y, right, up);
  }
  return index;
}

}  // namespace ipplan
