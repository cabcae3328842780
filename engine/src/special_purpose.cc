// special_purpose.cc — the registry table and the public-space check.
#include "ipplan/special_purpose.h"

#include <algorithm>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/parse.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

struct Entry {
  std::string_view prefix;
  std::string_view name;
  std::string_view reference;
};

// IANA IPv4 Special-Purpose Address Registry, IPv4 multicast, IANA IPv6 Special-Purpose Address
// Registry, IPv6 multicast and the IPv6 address space IANA has not allocated as global unicast.
constexpr Entry kEntries[] = {
    {"0.0.0.0/8", "\"This network\"", "RFC 791"},
    {"0.0.0.0/32", "\"This host on this network\"", "RFC 1122"},
    {"10.0.0.0/8", "Private-Use", "RFC 1918"},
    {"100.64.0.0/10", "Shared Address Space", "RFC 6598"},
    {"127.0.0.0/8", "Loopback", "RFC 1122"},
    {"169.254.0.0/16", "Link Local", "RFC 3927"},
    {"172.16.0.0/12", "Private-Use", "RFC 1918"},
    {"192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890"},
    {"192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335"},
    {"192.0.0.8/32", "IPv4 dummy address", "RFC 7600"},
    {"192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723"},
    {"192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155"},
    {"192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880"},
    {"192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880"},
    {"192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"},
    {"192.31.196.0/24", "AS112-v4", "RFC 7535"},
    {"192.52.193.0/24", "AMT", "RFC 7450"},
    {"192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526"},
    {"192.168.0.0/16", "Private-Use", "RFC 1918"},
    {"192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534"},
    {"198.18.0.0/15", "Benchmarking", "RFC 2544"},
    {"198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"},
    {"203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"},
    {"224.0.0.0/4", "Multicast", "RFC 5771"},
    {"240.0.0.0/4", "Reserved", "RFC 1112"},
    {"255.255.255.255/32", "Limited Broadcast", "RFC 919"},
    {"::/128", "Unspecified Address", "RFC 4291"},
    {"::1/128", "Loopback Address", "RFC 4291"},
    {"::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291"},
    {"64:ff9b::/96", "IPv4-IPv6 Translation", "RFC 6052"},
    {"64:ff9b:1::/48", "Local-use IPv4/IPv6 Translation", "RFC 8215"},
    {"100::/64", "Discard-Only Address Block", "RFC 6666"},
    {"2001::/23", "IETF Protocol Assignments", "RFC 2928"},
    {"2001::/32", "TEREDO", "RFC 4380"},
    {"2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723"},
    {"2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155"},
    {"2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", "RFC 9665"},
    {"2001:2::/48", "Benchmarking", "RFC 5180"},
    {"2001:3::/32", "AMT", "RFC 7450"},
    {"2001:4:112::/48", "AS112-v6", "RFC 7535"},
    {"2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843"},
    {"2001:20::/28", "ORCHIDv2", "RFC 7343"},
    {"2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374"},
    {"2001:db8::/32", "Documentation", "RFC 3849"},
    {"2002::/16", "6to4", "RFC 3056"},
    {"2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534"},
    {"3fff::/20", "Documentation", "RFC 9637"},
    {"5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"},
    {"fc00::/7", "Unique-Local", "RFC 4193"},
    {"fe80::/10", "Link-Local Unicast", "RFC 4291"},
    {"ff00::/8", "Multicast", "RFC 4291"},
    // Outside 2000::/3 nothing is global unicast (IANA IPv6 Address Space registry).
    {"::/3", "not global unicast (outside 2000::/3)", "RFC 4291"},
    {"4000::/2", "not global unicast (outside 2000::/3)", "RFC 4291"},
    {"8000::/1", "not global unicast (outside 2000::/3)", "RFC 4291"},
};

std::vector<SpecialPurposeBlock> build_table() {
  std::vector<SpecialPurposeBlock> table;
  for (const Entry& entry : kEntries) {
    const ParseResult<Prefix> parsed = parse_prefix(entry.prefix);
    // The table is written here; a typo is a programming error caught by the unit tests.
    if (parsed.ok()) table.push_back({parsed.value, entry.name, entry.reference});
  }
  std::sort(table.begin(), table.end(),
            [](const auto& a, const auto& b) { return a.block < b.block; });
  return table;
}

}  // namespace

std::span<const SpecialPurposeBlock> special_purpose_blocks() {
  static const std::vector<SpecialPurposeBlock> table = build_table();
  return table;
}

std::optional<std::string> not_public_reason(const Prefix& pool) {
  // The narrowest block around the pool names it best; failing that, the first block inside it.
  const SpecialPurposeBlock* best = nullptr;
  for (const SpecialPurposeBlock& entry : special_purpose_blocks()) {
    if (entry.block.covers(pool) &&
        (best == nullptr || entry.block.length() > best->block.length())) {
      best = &entry;
    }
  }
  for (const SpecialPurposeBlock& entry : special_purpose_blocks()) {
    if (best != nullptr) break;
    if (pool.covers(entry.block)) best = &entry;
  }
  if (best == nullptr) return std::nullopt;
  const std::string where = best->block.covers(pool)
                                ? str_cat(to_string(pool), " is in ")
                                : str_cat(to_string(pool), " overlaps ");
  return str_cat(where, to_string(best->block), " ", best->name, " (", best->reference, ")");
}

}  // namespace ipplan
