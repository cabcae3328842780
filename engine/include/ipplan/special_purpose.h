// special_purpose.h — the IANA special-purpose address registries (IPv4: RFC 6890 and its
// updates; IPv6: the same registry plus RFC 4291's non-unicast space), multicast, and the IPv6
// space outside global unicast 2000::/3, as a table that a pool can be checked against.
//
// What it offers: special_purpose_blocks() lists every block with its registry name and RFC;
// not_public_reason(pool) says why a pool cannot be public address space a customer owns (the
// rule for Microsoft and public peering, SPEC 5), naming the most specific block that overlaps
// it, or nothing when the pool is ordinary public unicast space.
//
// What it promises: the table is a snapshot of the registries as of 2026 (entries with
// "Globally Reachable = True" such as AS112 are included too: nobody can own them as their own
// public space). A pool that only partly overlaps a block is refused as well: a peering subnet
// must not be carved out of it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ipplan/prefix.h"

namespace ipplan {

struct SpecialPurposeBlock {
  Prefix block;
  std::string_view name;       // "Private-Use", "Documentation (TEST-NET-1)", ...
  std::string_view reference;  // "RFC 1918"
};

// Every block of both families, sorted by Prefix order (so a wider block precedes the blocks it
// contains).
std::span<const SpecialPurposeBlock> special_purpose_blocks();

// Why `pool` is not public address space: "10.0.0.0/8 is Private-Use (RFC 1918)" style text
// naming the most specific overlapping block; nullopt for public unicast space.
std::optional<std::string> not_public_reason(const Prefix& pool);

}  // namespace ipplan
