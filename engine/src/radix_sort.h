// radix_sort.h — an in-place MSD radix sort (American flag sort) for the big sorts of the engine:
// the verify sweep order and the aggregate merge order.
//
// The caller describes its key as bytes, most significant first: key_byte(item, d) for d in
// [0, key_bytes). Each level counts one byte, moves every item to its bucket in place (no scratch
// array, so the sort costs no memory per item) and recurses into the buckets; a level where all
// items share the byte is skipped without moving anything. Buckets smaller than kSmallBucket, and
// items equal in every key byte, are finished by std::sort with `less`, which must agree with the
// byte order and may break ties further (e.g. by record id). O(n * levels) for the levels where
// the keys differ; std::sort's O(n log n) only inside small buckets.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace ipplan::detail {

inline constexpr std::ptrdiff_t kSmallBucket = 64;

template <typename T, typename KeyByte, typename Less>
void radix_sort(T* begin, T* end, int depth, int key_bytes, const KeyByte& key_byte,
                const Less& less) {
  while (true) {
    const std::ptrdiff_t n = end - begin;
    if (n < kSmallBucket || depth >= key_bytes) {
      std::sort(begin, end, less);
      return;
    }
    std::array<std::size_t, 256> count{};
    for (T* p = begin; p != end; ++p) ++count[key_byte(*p, depth)];
    if (count[key_byte(*begin, depth)] == static_cast<std::size_t>(n)) {
      ++depth;  // one bucket: nothing to move at this level
      continue;
    }
    std::array<std::size_t, 256> head{};
    std::array<std::size_t, 256> tail{};
    std::size_t offset = 0;
    for (int b = 0; b < 256; ++b) {
      head[b] = offset;
      offset += count[b];
      tail[b] = offset;
    }
    // Cycle each misplaced item to its bucket's next free slot.
    for (int b = 0; b < 256; ++b) {
      while (head[b] < tail[b]) {
        T item = std::move(begin[head[b]]);
        std::uint8_t target = key_byte(item, depth);
        while (target != b) {
          std::swap(item, begin[head[target]++]);
          target = key_byte(item, depth);
        }
        begin[head[b]++] = std::move(item);
      }
    }
    std::size_t start = 0;
    for (int b = 0; b < 256; ++b) {
      if (count[b] > 1) {
        radix_sort(begin + start, begin + start + count[b], depth + 1, key_bytes, key_byte, less);
      }
      start += count[b];
    }
    return;
  }
}

// Sorts [begin, end) by key_byte(item, 0..key_bytes-1), then by `less` among equal keys.
template <typename T, typename KeyByte, typename Less>
void radix_sort(T* begin, T* end, int key_bytes, const KeyByte& key_byte, const Less& less) {
  radix_sort(begin, end, 0, key_bytes, key_byte, less);
}

}  // namespace ipplan::detail
