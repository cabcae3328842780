// proof_records.h — the records a proof of non-overlap needs, in as little memory as it allows.
//
// verify() (verify.h) sorts every record by its range and sweeps the sorted ranges; of a record it
// needs the range, the namespace, the domain, the role and the source parent, nothing else.
// ProofRecords keeps exactly that: per namespace, arrays of (first, last, record id): 12 bytes an
// IPv4 record, 24 an IPv6 one whose range is a prefix (first and length: nearly every IPv6
// record) and 36 any other IPv6 range; domain and role in a RunColumn (one entry per change,
// and consecutive records nearly always share them); parent links in a map holding only the
// records that have one (Azure subnets). Record ids are dense from 0 in the order added, the same
// ids an Inventory filled in the same order gives its records.
//
// The span arrays are the only memory per record. They are read in order (the sort's passes and
// the sweep), so they use ordinary pages: asking for transparent huge pages made a 10M-record
// proof faster by 5% at best and slower by up to 70% whenever the kernel had to find and clear
// fresh 2 MiB pages (measured on the 2-core VM, 2026-12-05).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ipplan/address.h"
#include "ipplan/range.h"
#include "ipplan/record.h"
#include "ipplan/run_column.h"

namespace ipplan {

// An IPv4 record's range as the proof sorts it.
struct V4Span {
  std::uint32_t first;
  std::uint32_t last;
  std::uint32_t record;
};

// An IPv6 address as 32-bit words, most significant first, so that a span needs no 16-byte
// alignment.
inline uint128 join_words(const std::uint32_t (&words)[4]) {
  return (uint128{words[0]} << 96) | (uint128{words[1]} << 64) | (uint128{words[2]} << 32) |
         words[3];
}

// An IPv6 record's range (36 bytes rather than 48).
struct V6Span {
  std::uint32_t first[4];
  std::uint32_t last[4];
  std::uint32_t record;

  uint128 first_value() const { return join_words(first); }
  uint128 last_value() const { return join_words(last); }
};

// An IPv6 record's range that is a prefix: first and length (24 bytes rather than 36: less to
// write, to page in and to move while sorting).
struct V6PrefixSpan {
  std::uint32_t first[4];
  std::uint32_t record;
  std::uint8_t length;

  uint128 first_value() const { return join_words(first); }
  uint128 last_value() const { return first_value() | hostmask_bits(Family::kV6, length); }
};

// Domain and role: what decides whether two overlapping records of one namespace conflict.
struct ProofTraits {
  std::uint32_t domain = 0;
  Role role = Role::kAssigned;

  bool operator==(const ProofTraits&) const = default;
};

class ProofRecords {
 public:
  template <typename Span>
  using Spans = std::vector<Span>;
  struct Namespace {
    Spans<V4Span> v4;
    Spans<V6PrefixSpan> v6_prefixes;
    Spans<V6Span> v6;  // the IPv6 ranges that are not prefixes
  };
  static constexpr std::uint32_t kNoParent = RawRecord::kNoParent;

  // Appends the next record (its id is size() before the call). `parent` is a record id added
  // earlier or kNoParent.
  void add(const Range& range, std::uint32_t namespace_id, ProofTraits traits,
           std::uint32_t parent = kNoParent);
  // Appends the ranges of `records` as the next records, all of one namespace and traits and
  // without a parent: the same as add() for each.
  void add_lines(std::span<const LineRecord> records, std::uint32_t namespace_id,
                 ProofTraits traits);

  // Makes room for `more` records of namespace `namespace_id`, in each family (untouched room
  // costs address space, not memory).
  void reserve_more(std::uint32_t namespace_id, std::size_t more);

  std::uint32_t size() const { return size_; }
  std::uint64_t ipv4_records() const { return ipv4_; }
  std::uint64_t ipv6_records() const { return ipv6_; }

  // By namespace id; verify() sorts the arrays in place and may move one namespace's records
  // into another's (namespaces joined by a VRF group).
  std::vector<Namespace>& namespaces() { return namespaces_; }

  const ProofTraits& traits(std::uint32_t record) const { return traits_.at(record); }
  std::uint32_t parent(std::uint32_t record) const {
    const auto it = parents_.find(record);
    return it == parents_.end() ? kNoParent : it->second;
  }
  bool any_parent() const { return !parents_.empty(); }

 private:
  Namespace& space(std::uint32_t namespace_id);
  // Each appends one range as record size_ (and counts it) to one namespace's spans.
  void append_v4(Namespace& space_of_record, std::uint32_t first, std::uint32_t last);
  void append_v6_prefix(Namespace& space_of_record, const Address& first, int length);
  void append_v6_range(Namespace& space_of_record, const Address& first, const Address& last);

  std::vector<Namespace> namespaces_;
  RunColumn<ProofTraits> traits_;
  absl::flat_hash_map<std::uint32_t, std::uint32_t> parents_;
  std::uint32_t size_ = 0;
  std::uint64_t ipv4_ = 0;
  std::uint64_t ipv6_ = 0;
};

}  // namespace ipplan
