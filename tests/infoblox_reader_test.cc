// infoblox_reader_test.cc — Infoblox CSV: typed rows, headers switching midway, containers,
// IPv6, ranges, skipped object types, network views, multi-line comments, exact errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "collecting_sink.h"
#include "ipplan/infoblox_reader.h"

using namespace ipplan;
using ipplan::testing::CollectingSink;

namespace {

CollectingSink read(std::string_view text, HostBits host_bits = HostBits::kReject) {
  CollectingSink sink;
  ReadOptions options;
  options.host_bits = host_bits;
  read_infoblox_csv(text, options, sink);
  return sink;
}

std::string errors_text(const CollectingSink& sink) {
  std::string out;
  for (const auto& e : sink.errors) out += e.where + ": " + e.text + "\n";
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("recognising Infoblox CSV", "[infoblox_reader]") {
  CHECK(looks_like_infoblox("header-network,address*,netmask*\n"));
  CHECK(looks_like_infoblox("HEADER-NETWORK,ADDRESS*,NETMASK*,EA-Site\n"));
  CHECK(looks_like_infoblox("\xEF\xBB\xBF\r\n  \nHeader-NetworkContainer,address*,netmask*\n"));
  CHECK(looks_like_infoblox("\"header-network\",\"address*\"\n"));
  CHECK(looks_like_infoblox("header-dhcprange;start_address*;end_address*\n"));
  CHECK_FALSE(looks_like_infoblox("header-\n"));
  CHECK_FALSE(looks_like_infoblox("network,10.0.0.0,255.0.0.0\n"));
  CHECK_FALSE(looks_like_infoblox("prefix,name\nheader-network\n"));
  CHECK_FALSE(looks_like_infoblox(""));
}

TEST_CASE("networks: address and dotted netmask / any case / `*` stripped", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "HEADER-NETWORK,ADDRESS*,NETMASK*,COMMENT,NETWORK_VIEW\n"
      "NETWORK,10.1.0.0,255.255.0.0,External,default\n"
      "network,10.2.0.0,255.255.255.0,Internal,Lab\n"
      "Network,10.3.0.0,24,A length works too,\n");
  CHECK(errors_text(sink).empty());
  CHECK(sink.ranges() == Strings{"10.1.0.0/16", "10.2.0.0/24", "10.3.0.0/24"});
  REQUIRE(sink.records.size() == 3);
  CHECK(sink.records[0].where == "2");
  CHECK(sink.records[0].label == "External");
  CHECK(sink.records[0].namespace_name.empty());  // default = global
  CHECK(sink.records[1].namespace_name == "Lab");
  CHECK(sink.records[2].namespace_name.empty());
  for (const auto& r : sink.records) CHECK(r.role == Role::kAssigned);
}

TEST_CASE("containers / IPv6 networks and containers with cidr", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-networkcontainer,address*,netmask*,comment\n"
      "networkcontainer,10.0.0.0,255.0.0.0,All\n"
      "header-ipv6networkcontainer,address*,cidr*,comment\n"
      "ipv6networkcontainer,2001:DB8::,32,v6 all\n"
      "header-ipv6network,address*,cidr*,comment\n"
      "ipv6network,2001:db8:1::,48,v6 site\n"
      "ipv6network,2001:db8:2::/48,48,prefix and cidr agree\n");
  CHECK(errors_text(sink).empty());
  CHECK(sink.ranges() == Strings{"10.0.0.0/8", "2001:db8::/32", "2001:db8:1::/48", "2001:db8:2::/48"});
  Strings roles;
  for (const auto& r : sink.records) roles.emplace_back(role_name(r.role));
  CHECK(roles == Strings{"container", "container", "assigned", "assigned"});
}

TEST_CASE("dhcp and reserved ranges become range records", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-dhcprange,end_address*,_new_end_address,start_address*,_new_start_address,comment,"
      "network_view\n"
      "header-reservedrange,end_address*,start_address*,comment\n"
      "dhcprange,10.0.0.199,,10.0.0.100,,Users,default\n"
      "reservedrange,10.0.0.19,10.0.0.10,Printers\n"
      "dhcprange,10.0.1.255,,10.0.1.0,,Whole /24,CORP\n");
  CHECK(errors_text(sink).empty());
  CHECK(sink.ranges() == Strings{"10.0.0.100-10.0.0.199", "10.0.0.10-10.0.0.19", "10.0.1.0/24"});
  REQUIRE(sink.records.size() == 3);
  CHECK(sink.records[0].where == "3");
  CHECK(sink.records[1].label == "Printers");
  CHECK(sink.records[2].namespace_name == "CORP");
}

TEST_CASE("a file may switch headers midway - a later header replaces an earlier one",
          "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-network,address*,netmask*,comment\n"
      "network,10.0.0.0,255.255.255.0,first layout\n"
      "header-network,comment,netmask*,address*\n"
      "network,second layout,255.255.255.0,10.0.1.0\n"
      "header-networkcontainer,address*,netmask*\n"
      "networkcontainer,10.0.0.0,255.255.0.0\n"
      "network,third row in the second layout,255.255.255.0,10.0.2.0\n");
  CHECK(errors_text(sink).empty());
  CHECK(sink.ranges() == Strings{"10.0.0.0/24", "10.0.1.0/24", "10.0.0.0/16", "10.0.2.0/24"});
  CHECK(sink.records.at(1).label == "second layout");
}

TEST_CASE("other object types are skipped and counted", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-network,address*,netmask*\n"
      "network,10.0.0.0,255.255.255.0\n"
      "header-fixedaddress,ip_address*,mac_address*,name\n"
      "fixedaddress,10.0.0.5,00:11:22:33:44:55,printer\n"
      "header-hostrecord,fqdn*,addresses\n"
      "hostrecord,web.example.com,10.0.0.6\n"
      "FixedAddress,10.0.0.7,00:11:22:33:44:56,printer2\n");
  CHECK(errors_text(sink).empty());
  CHECK(sink.ranges() == Strings{"10.0.0.0/24"});
  REQUIRE(sink.skips.size() == 3);
  CHECK(sink.skips[0].where == "4");
  CHECK(sink.skips[0].text == "fixedaddress object (not a network or range)");
  CHECK(sink.skips[1].text == "hostrecord object (not a network or range)");
  CHECK(sink.skips[2].where == "7");
}

TEST_CASE("multi-line quoted comments do not become records", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-network,address*,netmask*,comment,network_view\n"
      "network,10.1.1.0,255.255.255.0,\"Brisbane servers\n"
      "network,10.1.2.0,255.255.255.0,old comment pasted in\",default\n"
      "network,10.1.2.0,255.255.255.0,Brisbane data,default\n"
      "network,10.1.3.0,255.255.255.0,\"two\r\nlines\",default\r\n"
      "network,10.1.4.0,255.255.255.0,\"quote \"\"inside\"\"\",default\n");
  CHECK(errors_text(sink).empty());
  CHECK(sink.ranges() == Strings{"10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/24", "10.1.4.0/24"});
  REQUIRE(sink.records.size() == 4);
  CHECK(sink.records[0].where == "2");
  CHECK(sink.records[0].label ==
        "Brisbane servers\nnetwork,10.1.2.0,255.255.255.0,old comment pasted in");
  CHECK(sink.records[1].where == "4");
  CHECK(sink.records[2].where == "5");
  CHECK(sink.records[3].where == "7");
  CHECK(sink.records[3].label == "quote \"inside\"");
}

TEST_CASE("rows shorter than their header are fine - missing trailing fields are empty",
          "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-network,address*,netmask*,comment,network_view,disabled,EA-Site\n"
      "network,10.0.0.0,255.255.255.0\n"
      "network,10.0.1.0,255.255.255.0,,,,\n"
      "network,10.0.2.0\n");
  CHECK(sink.ranges() == Strings{"10.0.0.0/24", "10.0.1.0/24"});
  CHECK(errors_text(sink) ==
        "4: column \"netmask\" is empty (\"10.0.2.0\" needs a netmask or prefix length)\n");
}

TEST_CASE("separators: semicolon / tab and space follow the header token", "[infoblox_reader]") {
  CHECK(read("header-network;address*;netmask*;comment\nnetwork;10.0.0.0;255.0.0.0;\"a;b\"\n")
            .records.at(0).label == "a;b");
  CHECK(read("header-network\taddress*\tnetmask*\nnetwork\t10.0.0.0\t255.0.0.0\n").ranges() ==
        Strings{"10.0.0.0/8"});
  CHECK(read("header-network address* netmask* comment\nnetwork 10.0.0.0 255.0.0.0 \"two words\"\n")
            .records.at(0).label == "two words");
  CHECK(read("\xEF\xBB\xBF\"header-network\",\"address*\",\"netmask*\"\r\n"
             "\"network\",\"10.0.0.0\",\"255.0.0.0\"\r\n")
            .ranges() == Strings{"10.0.0.0/8"});
}

TEST_CASE("errors: rows before their header / bad headers / bad values", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-networkcontainer,address*,netmask*\n"
      "network,10.0.0.0,255.255.255.0\n"
      "header-network,address*,comment\n"
      "network,10.0.1.0,x\n"
      "header-ipv6network,address*,comment\n"
      "header-dhcprange,start_address*\n"
      "dhcprange,10.0.0.1\n"
      "header-\n"
      ",10.0.0.0,255.0.0.0\n"
      "header-network,address*,netmask*\n"
      "network,10.0.2.0,255.0.255.0\n"
      "network,10.0.3.1,255.255.255.0\n"
      "network,10.0.4.0,255.255.255.0,\"open\n");
  CHECK(errors_text(sink) ==
        "2: \"network\" row before any \"header-network\" row\n"
        "3: header-network has no \"netmask\" (or \"cidr\") column\n"
        "4: network row cannot be read: header-network on line 3 has no \"netmask\" (or "
        "\"cidr\") column\n"
        "5: header-ipv6network has no \"cidr\" (or \"netmask\") column\n"
        "6: header-dhcprange has no \"end_address\" column\n"
        "7: dhcprange row cannot be read: header-dhcprange on line 6 has no \"end_address\" "
        "column\n"
        "8: header row without an object type (\"header-\" needs a type, e.g. "
        "\"header-network\")\n"
        "9: row without an object type in its first field\n"
        "11: column \"netmask\": \"255.0.255.0\" is not a contiguous netmask\n"
        "12: columns \"address\" and \"netmask\": invalid prefix \"10.0.3.1/24\": host bits set "
        "(use --allow-host-bits to truncate)\n"
        "13: unterminated quoted field: the quote at column 32 is never closed\n");
  CHECK(sink.records.empty());
}

TEST_CASE("errors point at the column of the address in its line", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-network,address*,netmask*\n"
      "network,10.0.0.256,255.255.255.0\n"
      "header-ipv6network,address*,cidr*\n"
      "ipv6network,2001:db8::1::,64\n"
      "ipv6network,2001:db8::,129\n");
  CHECK(errors_text(sink) ==
        "2: column \"address\": invalid address \"10.0.0.256\": IPv4 octet out of range 0-255 at "
        "column 16\n"
        "4: column \"address\": invalid address \"2001:db8::1::\": more than one '::' in IPv6 "
        "address at column 24\n"
        "5: column \"cidr\": prefix length \"129\" is too large for IPv6 (at most 128)\n");
}

TEST_CASE("Infoblox: --allow-host-bits truncates networks", "[infoblox_reader]") {
  const CollectingSink sink =
      read("header-network,address*,netmask*\nnetwork,10.0.0.1,255.255.255.0\n",
           HostBits::kTruncate);
  REQUIRE(sink.records.size() == 1);
  CHECK(sink.records[0].range == "10.0.0.0/24");
  CHECK(sink.records[0].host_bits_cleared);
}

TEST_CASE("every Infoblox data row yields exactly one record / error or skip", "[infoblox_reader]") {
  const CollectingSink sink = read(
      "header-network,address*,netmask*\n"
      "network,10.0.0.0,255.255.255.0\n"
      "\n"
      "network,bad,255.255.255.0\n"
      "header-fixedaddress,ip_address*\n"
      "fixedaddress,10.0.0.1\n"
      "grid,x\n"
      "network,10.0.1.0,255.255.255.0\n");
  CHECK(sink.records.size() == 2);
  CHECK(sink.errors.size() == 2);
  CHECK(sink.skips.size() == 1);
  CHECK(sink.records.size() + sink.errors.size() + sink.skips.size() == 5);
}

TEST_CASE("the shipped Infoblox fixture", "[infoblox_reader][fixtures]") {
  std::ifstream in(std::filesystem::path(IPPLAN_FIXTURES) / "infoblox-networks.csv",
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  REQUIRE(looks_like_infoblox(text));
  const CollectingSink sink = read(text);
  CHECK(errors_text(sink).empty());
  CHECK(sink.records.size() == 14);
  CHECK(sink.skips.size() == 2);
  std::size_t containers = 0;
  std::size_t ranges = 0;
  for (const auto& r : sink.records) {
    containers += r.role == Role::kContainer ? 1 : 0;
    ranges += r.range.find('-') != std::string::npos ? 1 : 0;
  }
  CHECK(containers == 2);
  CHECK(ranges == 3);
  // The multi-line comment of the Utrecht network (lines 5-6) does not start a record at line 6.
  for (const auto& r : sink.records) CHECK(r.where != "6");
}
