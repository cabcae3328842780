// pool_generator.h — deterministic "used" IPv4 prefixes packed inside one pool, the way an
// enterprise IPAM fills its private space: the workload of SPEC section 8's "first 1,000 free /28
// in a /8 holding 1M used prefixes" (AllocationIndex benchmarks, `ipplan_gen --within`,
// bench/compare.py).
//
// Each prefix is at a uniformly random address inside the pool, with a length drawn from
// `enterprise_v4_length` (never shorter than the pool). Prefixes overlap each other freely; 1M of
// them leave roughly a tenth of a /8 free, in small scattered gaps. The same pool, count and seed
// give the same prefixes on every platform (splitmix64 and integer arithmetic only).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "inventory_generator.h"
#include "ipplan/address.h"
#include "ipplan/prefix.h"

namespace ipplan::bench {

// Lengths of an enterprise IPv4 table: /16-/23 0.1% (containers), /24 5.9%, /25-/27 15%,
// /28 30%, /29 20%, /30 10%, /31 4%, /32 15%. `Rng` has below(n) and between(lo, hi) over
// uint32_t, as splitmix64 generators here do.
template <typename Rng>
int enterprise_v4_length(Rng& random) {
  const std::uint32_t r = random.below(1000);
  if (r < 1) return static_cast<int>(random.between(16U, 23U));
  if (r < 60) return 24;
  if (r < 210) return static_cast<int>(random.between(25U, 27U));
  if (r < 510) return 28;
  if (r < 710) return 29;
  if (r < 810) return 30;
  if (r < 850) return 31;
  return 32;
}

inline constexpr std::uint64_t kPoolSeed = 0x5eed0028ULL;

// Draws the prefixes one at a time (ipplan_gen streams them). `pool` must be IPv4.
class PoolPrefixGenerator {
 public:
  explicit PoolPrefixGenerator(const Prefix& pool, std::uint64_t seed = kPoolSeed)
      : random_(seed),
        base_(pool.first().v4_value()),
        host_mask_(pool.length() == 0 ? 0xffffffffU : (0xffffffffU >> pool.length())),
        pool_length_(pool.length()) {}

  Prefix next() {
    const int length = std::max(enterprise_v4_length(random_), pool_length_);
    const auto offset = static_cast<std::uint32_t>(random_.next()) & host_mask_;
    return Prefix::containing(Address::v4(base_ | offset), length);
  }

 private:
  inventory_internal::Random random_;
  std::uint32_t base_;
  std::uint32_t host_mask_;
  int pool_length_;
};

// `count` prefixes inside `pool`, in generation order.
inline std::vector<Prefix> generate_pool_prefixes(const Prefix& pool, std::size_t count,
                                                  std::uint64_t seed = kPoolSeed) {
  PoolPrefixGenerator generator(pool, seed);
  std::vector<Prefix> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(generator.next());
  return out;
}

}  // namespace ipplan::bench
