// asn_test.cc — every boundary of SPEC section 6's ASN table, per peering type.
#include <catch2/catch.hpp>

#include <string>

#include "ipplan/asn.h"

using namespace ipplan;

namespace {
struct AsnCase {
  std::uint32_t asn;
  AsnKind kind;
  bool private_ok;
  bool microsoft_ok;
};
}  // namespace

TEST_CASE("ASN classification and verdicts at every boundary", "[asn]") {
  static const AsnCase kCases[] = {
      {0, AsnKind::kReserved, false, false},
      {1, AsnKind::kPublic, true, true},
      {8073, AsnKind::kPublic, true, true},
      {8074, AsnKind::kMicrosoft, false, false},
      {8075, AsnKind::kMicrosoft, false, false},
      {8076, AsnKind::kPublic, true, true},
      {12076, AsnKind::kMicrosoft, false, false},
      {23455, AsnKind::kPublic, true, true},
      {23456, AsnKind::kAsTrans, false, false},
      {23457, AsnKind::kPublic, true, true},
      {64495, AsnKind::kPublic, true, true},
      {64496, AsnKind::kDocumentation, false, false},
      {64511, AsnKind::kDocumentation, false, false},
      {64512, AsnKind::kPrivateBelowMinimum, false, false},
      {65000, AsnKind::kPrivateBelowMinimum, false, false},
      {65001, AsnKind::kPrivate16, true, false},
      {65514, AsnKind::kPrivate16, true, false},
      {65515, AsnKind::kAzureReserved, false, false},
      {65516, AsnKind::kAzureReserved, false, false},
      {65520, AsnKind::kAzureReserved, false, false},
      {65521, AsnKind::kPrivate16, true, false},
      {65534, AsnKind::kPrivate16, true, false},
      {65535, AsnKind::kReserved, false, false},
      {65536, AsnKind::kDocumentation, false, false},
      {65551, AsnKind::kDocumentation, false, false},
      {65552, AsnKind::kReserved, false, false},
      {131071, AsnKind::kReserved, false, false},
      {131072, AsnKind::kPublic, true, true},
      {4199999999U, AsnKind::kPublic, true, true},
      {4200000000U, AsnKind::kPrivate32, true, false},
      {4294967294U, AsnKind::kPrivate32, true, false},
      {4294967295U, AsnKind::kReserved, false, false},
  };
  for (const AsnCase& c : kCases) {
    INFO("AS" << c.asn);
    CHECK(classify_asn(c.asn) == c.kind);
    const AsnVerdict priv = check_asn(c.asn, PeeringType::kPrivate);
    CHECK(priv.valid == c.private_ok);
    CHECK_FALSE(priv.reason.empty());
    const AsnVerdict ms = check_asn(c.asn, PeeringType::kMicrosoft);
    CHECK(ms.valid == c.microsoft_ok);
    // Public peering is checked like Microsoft peering, with a note that it is retired.
    const AsnVerdict pub = check_asn(c.asn, PeeringType::kPublic);
    CHECK(pub.valid == c.microsoft_ok);
    CHECK(pub.note.find("retired") != std::string::npos);
  }
}

TEST_CASE("the reasons say what is wrong", "[asn]") {
  CHECK(check_asn(65000, PeeringType::kPrivate).reason.find("greater than 65000") !=
        std::string::npos);
  CHECK(check_asn(65515, PeeringType::kPrivate).reason.find("Azure") != std::string::npos);
  CHECK(check_asn(65001, PeeringType::kMicrosoft).reason.find("public ASN") != std::string::npos);
  CHECK(check_asn(64500, PeeringType::kPrivate).reason.find("documentation") != std::string::npos);
  CHECK(check_asn(12076, PeeringType::kPrivate).reason.find("Microsoft") != std::string::npos);
  CHECK(check_asn(3356, PeeringType::kPrivate).note.find("registered") != std::string::npos);
}

TEST_CASE("ASN text: asplain / AS prefix / asdot - everything else refused", "[asn]") {
  CHECK(parse_asn("65001").value() == 65001U);
  CHECK(parse_asn("AS65001").value() == 65001U);
  CHECK(parse_asn("as65001").value() == 65001U);
  CHECK(parse_asn("0").value() == 0U);
  CHECK(parse_asn("4294967295").value() == 4294967295U);
  CHECK(parse_asn("1.10").value() == 65546U);
  CHECK(parse_asn("64086.59904").value() == 4200000000U);
  CHECK(parse_asn("65535.65535").value() == 4294967295U);
  for (const char* bad : {"", "AS", "-1", "+5", "4294967296", "99999999999", "065001", "1.", ".1",
                          "1.65536", "65536.0", "1.2.3", "65 001", "0x10", "AS 65001", "abc"}) {
    INFO(bad);
    CHECK_FALSE(parse_asn(bad).ok());
  }
}

TEST_CASE("peering type names round-trip", "[asn]") {
  for (const PeeringType t : {PeeringType::kPrivate, PeeringType::kMicrosoft, PeeringType::kPublic}) {
    CHECK(parse_peering_type(peering_name(t)).value() == t);
  }
  CHECK(parse_peering_type("Microsoft").value() == PeeringType::kMicrosoft);
  CHECK_FALSE(parse_peering_type("azure").ok());
}
