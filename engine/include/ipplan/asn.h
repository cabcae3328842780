// asn.h — which BGP AS numbers an ExpressRoute peering accepts, and why not (SPEC section 6).
//
// Private peering takes a private ASN above 65000 (65001-65534), a 32-bit private ASN
// (4200000000-4294967294) or the customer's public ASN; Microsoft and (retired) public peering
// need the customer's own public ASN. Reserved, documentation, Azure's and Microsoft's own
// numbers are always refused. Every verdict carries a one-line reason a person can act on.
// Pure functions, no allocation except the reason text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace ipplan {

enum class PeeringType : std::uint8_t { kPrivate, kMicrosoft, kPublic };

// "private", "microsoft", "public" <-> PeeringType.
std::string_view peering_name(PeeringType type);
absl::StatusOr<PeeringType> parse_peering_type(std::string_view text);

// What an AS number is, independent of the peering that wants it.
enum class AsnKind : std::uint8_t {
  kReserved,             // 0, 65535, 4294967295, 65552-131071 (RFC 7607, RFC 7300, IANA)
  kAsTrans,              // 23456 (RFC 6793)
  kDocumentation,        // 64496-64511, 65536-65551 (RFC 5398)
  kAzureReserved,        // 65515-65520 (ExpressRoute, VPN Gateway, Route Server)
  kMicrosoft,            // 8074, 8075, 12076
  kPrivateBelowMinimum,  // 64512-65000: private, but the prerequisites ask for > 65000
  kPrivate16,            // 65001-65534 outside the Azure-reserved block
  kPrivate32,            // 4200000000-4294967294 (RFC 6996)
  kPublic,               // everything else: must be the customer's own
};

std::string_view asn_kind_name(AsnKind kind);  // e.g. "private-16", "documentation"
AsnKind classify_asn(std::uint32_t asn);

struct AsnVerdict {
  std::uint32_t asn = 0;
  PeeringType peering = PeeringType::kPrivate;
  AsnKind kind = AsnKind::kPublic;
  bool valid = false;
  std::string reason;  // why it is accepted or refused
  std::string note;    // extra advice (public peering retired, public ASN must be yours), or ""
};

AsnVerdict check_asn(std::uint32_t asn, PeeringType peering);

// Parses `65001`, `AS65001` (any case) or asdot `1.10` (= 1 * 65536 + 10) into 0..4294967295.
absl::StatusOr<std::uint32_t> parse_asn(std::string_view text);

}  // namespace ipplan
