// asn.cc — the ASN table of SPEC section 6.
#include "ipplan/asn.h"

#include <charconv>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

bool between(std::uint32_t v, std::uint32_t lo, std::uint32_t hi) { return lo <= v && v <= hi; }

// Parses a plain decimal integer into [0, max]; no sign, no leading zeros, no spaces.
bool parse_decimal(std::string_view text, std::uint64_t max, std::uint64_t& out) {
  if (text.empty() || text.size() > 10 || (text.size() > 1 && text[0] == '0')) return false;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > max) return false;
  out = value;
  return true;
}

}  // namespace

std::string_view peering_name(PeeringType type) {
  switch (type) {
    case PeeringType::kPrivate: return "private";
    case PeeringType::kMicrosoft: return "microsoft";
    case PeeringType::kPublic: return "public";
  }
  return "private";
}

absl::StatusOr<PeeringType> parse_peering_type(std::string_view text) {
  const std::string lower = absl::AsciiStrToLower(absl::string_view(text.data(), text.size()));
  if (lower == "private") return PeeringType::kPrivate;
  if (lower == "microsoft") return PeeringType::kMicrosoft;
  if (lower == "public") return PeeringType::kPublic;
  return absl::InvalidArgumentError(
      str_cat("unknown peering type \"", text, "\" (expected private, microsoft or public)"));
}

std::string_view asn_kind_name(AsnKind kind) {
  switch (kind) {
    case AsnKind::kReserved: return "reserved";
    case AsnKind::kAsTrans: return "as-trans";
    case AsnKind::kDocumentation: return "documentation";
    case AsnKind::kAzureReserved: return "azure-reserved";
    case AsnKind::kMicrosoft: return "microsoft";
    case AsnKind::kPrivateBelowMinimum: return "private-below-minimum";
    case AsnKind::kPrivate16: return "private-16";
    case AsnKind::kPrivate32: return "private-32";
    case AsnKind::kPublic: return "public";
  }
  return "public";
}

AsnKind classify_asn(std::uint32_t asn) {
  if (asn == 0 || asn == 65535 || asn == 4294967295U || between(asn, 65552, 131071)) {
    return AsnKind::kReserved;
  }
  if (asn == 23456) return AsnKind::kAsTrans;
  if (between(asn, 64496, 64511) || between(asn, 65536, 65551)) return AsnKind::kDocumentation;
  if (between(asn, 65515, 65520)) return AsnKind::kAzureReserved;
  if (asn == 8074 || asn == 8075 || asn == 12076) return AsnKind::kMicrosoft;
  if (between(asn, 64512, 65000)) return AsnKind::kPrivateBelowMinimum;
  if (between(asn, 65001, 65534)) return AsnKind::kPrivate16;
  if (between(asn, 4200000000U, 4294967294U)) return AsnKind::kPrivate32;
  return AsnKind::kPublic;
}

AsnVerdict check_asn(std::uint32_t asn, PeeringType peering) {
  AsnVerdict v;
  v.asn = asn;
  v.peering = peering;
  v.kind = classify_asn(asn);
  const bool needs_public = peering != PeeringType::kPrivate;
  switch (v.kind) {
    case AsnKind::kReserved:
      v.reason = asn == 0 ? "AS 0 is reserved and never valid in BGP (RFC 7607)"
                 : between(asn, 65552, 131071)
                     ? "reserved by IANA and not allocatable (65552-131071)"
                     : "reserved by IANA as the last ASN of its range (RFC 7300)";
      break;
    case AsnKind::kAsTrans:
      v.reason = "AS 23456 is AS_TRANS, a placeholder for 32-bit ASNs (RFC 6793)";
      break;
    case AsnKind::kDocumentation:
      v.reason = "reserved for documentation and examples (RFC 5398: 64496-64511, 65536-65551)";
      break;
    case AsnKind::kAzureReserved:
      v.reason = "reserved by Azure (65515-65520 are used by ExpressRoute, VPN Gateway and "
                 "Route Server)";
      break;
    case AsnKind::kMicrosoft:
      v.reason = "belongs to Microsoft (8074, 8075, 12076); use your own ASN";
      break;
    case AsnKind::kPrivateBelowMinimum:
      v.reason = "private ASN at or below 65000: the ExpressRoute prerequisites require a "
                 "private ASN greater than 65000 (65001-65534) or a 32-bit private ASN";
      break;
    case AsnKind::kPrivate16:
    case AsnKind::kPrivate32:
      if (needs_public) {
        v.reason = str_cat(peering_name(peering),
                                " peering needs your own public ASN, not a private one");
      } else {
        v.valid = true;
        v.reason = v.kind == AsnKind::kPrivate16
                       ? "private ASN greater than 65000 (65001-65534), allowed for private peering"
                       : "32-bit private ASN (4200000000-4294967294), allowed for private peering";
      }
      break;
    case AsnKind::kPublic:
      v.valid = true;
      v.reason = str_cat("public ASN, allowed for ", peering_name(peering), " peering");
      v.note = "a public ASN must be registered to your organisation";
      break;
  }
  if (peering == PeeringType::kPublic) {
    const std::string_view retired =
        "Azure public peering is retired for new circuits; Microsoft peering replaces it";
    v.note = v.note.empty() ? std::string(retired) : str_cat(v.note, "; ", retired);
  }
  return v;
}

absl::StatusOr<std::uint32_t> parse_asn(std::string_view text) {
  std::string_view digits = text;
  if (digits.size() >= 2 && (digits[0] == 'a' || digits[0] == 'A') && (digits[1] == 's' || digits[1] == 'S')) {
    digits.remove_prefix(2);
  }
  std::uint64_t value = 0;
  if (const std::size_t dot = digits.find('.'); dot != std::string_view::npos) {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    if (parse_decimal(digits.substr(0, dot), 65535, high) &&
        parse_decimal(digits.substr(dot + 1), 65535, low)) {
      return static_cast<std::uint32_t>(high * 65536 + low);
    }
  } else if (parse_decimal(digits, 4294967295ULL, value)) {
    return static_cast<std::uint32_t>(value);
  }
  return absl::InvalidArgumentError(str_cat(
      "invalid ASN \"", text, "\": expected a number 0-4294967295 (asplain) or X.Y (asdot)"));
}

}  // namespace ipplan
