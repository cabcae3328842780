// special_purpose_test.cc — the IANA special-purpose table and the public-space rule for
// Microsoft peering: every registry block is refused with its name and RFC, ordinary unicast is
// accepted, pools wider or narrower than a block are judged by the overlap.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "test_values.h"
#include "ipplan/format.h"
#include "ipplan/parse.h"
#include "ipplan/special_purpose.h"

using namespace ipplan;
using ipplan::testing::prefix;

namespace {

std::string reason(std::string_view pool) { return not_public_reason(prefix(pool)).value_or(""); }

}  // namespace

TEST_CASE("the table holds every block it names / sorted", "[special]") {
  const auto blocks = special_purpose_blocks();
  // 26 IPv4 entries and 28 IPv6 entries are written in special_purpose.cc; a typo would drop one.
  CHECK(blocks.size() == 54);
  std::set<std::string> names;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    CHECK(!blocks[i].name.empty());
    CHECK(blocks[i].reference.rfind("RFC ", 0) == 0);
    if (i > 0) CHECK(blocks[i - 1].block < blocks[i].block);
    names.insert(to_string(blocks[i].block));
  }
  for (const char* expected :
       {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
        "169.254.0.0/16", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "198.18.0.0/15",
        "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32", "0.0.0.0/8", "::1/128", "::/128",
        "fe80::/10", "fc00::/7", "2001:db8::/32", "3fff::/20", "ff00::/8", "64:ff9b::/96",
        "2002::/16"}) {
    CHECK(names.count(expected) == 1);
  }
}

TEST_CASE("special-purpose pools are refused with the registry's name", "[special]") {
  CHECK(reason("10.20.0.0/24") == "10.20.0.0/24 is in 10.0.0.0/8 Private-Use (RFC 1918)");
  CHECK(reason("100.64.1.0/28") == "100.64.1.0/28 is in 100.64.0.0/10 Shared Address Space (RFC 6598)");
  CHECK(reason("192.0.0.8/32") == "192.0.0.8/32 is in 192.0.0.8/32 IPv4 dummy address (RFC 7600)");
  CHECK(reason("192.0.0.64/28") == "192.0.0.64/28 is in 192.0.0.0/24 IETF Protocol Assignments (RFC 6890)");
  CHECK(reason("239.1.0.0/16").find("Multicast") != std::string::npos);
  CHECK(reason("255.255.255.255/32").find("Limited Broadcast") != std::string::npos);
  CHECK(reason("2001:db8:1::/48").find("Documentation (RFC 3849)") != std::string::npos);
  CHECK(reason("2001:0:1::/48").find("TEREDO") != std::string::npos);
  CHECK(reason("fe80::/64").find("Link-Local Unicast") != std::string::npos);
  CHECK(reason("::/0") == "::/0 overlaps ::/3 not global unicast (outside 2000::/3) (RFC 4291)");
  CHECK(reason("0.0.0.0/0") == "0.0.0.0/0 overlaps 0.0.0.0/8 \"This network\" (RFC 791)");
  // A pool around a block is refused too: a peering block could be carved out of it.
  CHECK(reason("198.51.0.0/16") == "198.51.0.0/16 overlaps 198.51.100.0/24 Documentation (TEST-NET-2) (RFC 5737)");
}

TEST_CASE("ordinary public unicast is accepted", "[special]") {
  for (const char* pool : {"8.8.8.0/24", "20.0.0.0/8", "100.128.0.0/9", "1.0.0.0/8",
                           "223.255.255.0/24", "192.0.1.0/24", "192.0.3.0/24", "198.20.0.0/14",
                           "2a01:110::/31", "2001:200::/23", "2001:4860::/32", "2600::/12",
                           "2c0f:f000::/20"}) {
    INFO(pool);
    CHECK(!not_public_reason(prefix(pool)));
  }
}
