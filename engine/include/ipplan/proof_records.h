// proof_records.h — the records a proof of non-overlap needs, in as little memory as it allows.
//
// verify() (verify.h) sorts every record by its range and sweeps the sorted ranges; of a record it
// needs the range, the namespace, the domain, the role and the source parent, nothing else.
// ProofRecords keeps exactly that: per namespace and family one array of (first, last, record id),
// 12 bytes an IPv4 record and 36 an IPv6 one; domain and role in a RunColumn (one entry per change,
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

// An IPv6 record's range: 32-bit words, most significant first, so that the span needs no 16-byte
// alignment (36 bytes rather than 48).
struct V6Span {
  std::uint32_t first[4];
  std::uint32_t last[4];
  std::uint32_t record;

  uint128 first_value() const { return join(first); }
  uint128 last_value() const { return join(last); }

 private:
  static uint128 join(const std::uint32_t (&words)[4]) {
    return (uint128{words[0]} << 96) | (uint128{words[1]} << 64) | (uint128{words[2]} << 32) |
           words[3];
  }
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
    Spans<V6Span> v6;
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
  // Appends the range [first, last] as record size_ (and counts it) to one namespace's spans;
  // both ends as 64-bit halves, an IPv4 address in the low half.
  void append(Namespace& space_of_record, Family family, std::uint64_t first_high,
              std::uint64_t first_low, std::uint64_t last_high, std::uint64_t last_low);

  std::vector<Namespace> namespaces_;
  RunColumn<ProofTraits> traits_;
  absl::flat_hash_map<std::uint32_t, std::uint32_t> parents_;
  std::uint32_t size_ = 0;
  std::uint64_t ipv4_ = 0;
  std::uint64_t ipv6_ = 0;
};

}  // namespace ipplan
