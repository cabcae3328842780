// csv_reader_test.cc — generic, NetBox and phpIPAM CSV: columns, flavours, values, messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iterator>
#include <random>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "collecting_sink.h"
#include "ipplan/csv_reader.h"
#include "ipplan/infoblox_reader.h"

using namespace ipplan;
using ipplan::testing::CollectingSink;

namespace {

CollectingSink read(std::string_view text, InputFormat format = InputFormat::kCsv,
                    HostBits host_bits = HostBits::kReject) {
  CollectingSink sink;
  ReadOptions options;
  options.host_bits = host_bits;
  read_csv(format, text, options, sink);
  return sink;
}

// Reads with the flavour detect_csv_flavor picks (generic CSV when it picks none).
CollectingSink read_detected(std::string_view text) {
  return read(text, detect_csv_flavor(text).value_or(InputFormat::kCsv));
}

std::string errors_text(const CollectingSink& sink) {
  std::string out;
  for (const auto& e : sink.errors) out += e.where + ": " + e.text + "\n";
  return out;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("generic CSV: a prefix-like column under any of its names", "[csv_reader]") {
  for (const char* header : {"prefix", "Prefix", " PREFIX ", "network", "Subnet", "cidr", "CIDR",
                             "ip_prefix", "Address Prefix", "Network*"}) {
    INFO(header);
    const CollectingSink sink = read(std::string(header) + ",name\n10.1.0.0/16,dc\n2001:DB8::/32,v6\n");
    CHECK(errors_text(sink).empty());
    CHECK(sink.ranges() == Strings{"10.1.0.0/16", "2001:db8::/32"});
    REQUIRE(sink.records.size() == 2);
    CHECK(sink.records[0].where == "2");
    CHECK(sink.records[0].label == "dc");
    CHECK(sink.records[0].role == Role::kAssigned);
  }
}

TEST_CASE("generic CSV: a bare address is one address - a range column holds ranges", "[csv_reader]") {
  const CollectingSink sink = read("prefix\n10.0.0.1\n10.0.0.10-10.0.0.99\n::1\n");
  CHECK(sink.ranges() == Strings{"10.0.0.1/32", "10.0.0.10-10.0.0.99", "::1/128"});
}

TEST_CASE("generic CSV: address + mask / dotted or as a length", "[csv_reader]") {
  for (const char* mask_header : {"mask", "netmask", "Subnet Mask", "prefix_length", "prefixlen",
                                  "mask_length", "cidr", "length"}) {
    INFO(mask_header);
    const CollectingSink sink =
        read(std::string("address,") + mask_header +
             "\n10.2.0.0,255.255.0.0\n10.3.4.0,24\n10.3.5.0,/25\n2001:db8:1::,48\n0.0.0.0,0\n"
             "192.0.2.1,255.255.255.255\n");
    CHECK(errors_text(sink).empty());
    CHECK(sink.ranges() == Strings{"10.2.0.0/16", "10.3.4.0/24", "10.3.5.0/25", "2001:db8:1::/48",
                                   "0.0.0.0/0", "192.0.2.1/32"});
  }
  // An IPv6 netmask written out is fine too.
  CHECK(read("address,netmask\n2001:db8::,ffff:ffff::\n").ranges() == Strings{"2001:db8::/32"});
}

TEST_CASE("generic CSV: a prefix column with a length column beside it", "[csv_reader]") {
  const CollectingSink sink =
      read("network,cidr,name\n10.5.0.0,16,a\n10.6.0.0/16,16,b\n10.7.0.0/16,,c\n10.8.0.0/16,24,d\n");
  CHECK(sink.ranges() == Strings{"10.5.0.0/16", "10.6.0.0/16", "10.7.0.0/16"});
  CHECK(errors_text(sink) ==
        "5: column \"cidr\": \"24\" does not match the length of \"10.8.0.0/16\" in column "
        "\"network\"\n");
}

TEST_CASE("generic CSV: start and end columns make ranges", "[csv_reader]") {
  for (const char* header : {"start,end", "first,last", "start_address,end_address",
                             "Start Address*,End Address*"}) {
    INFO(header);
    const CollectingSink sink =
        read(std::string(header) + "\n10.0.0.10,10.0.0.99\n10.0.1.0,10.0.1.255\n::,::ffff\n");
    CHECK(errors_text(sink).empty());
    CHECK(sink.ranges() == Strings{"10.0.0.10-10.0.0.99", "10.0.1.0/24", "::/112"});
  }
  const CollectingSink bad = read("start,end\n10.0.0.9,10.0.0.1\n10.0.0.1,::1\n,10.0.0.1\n10.0.0.1,x\n");
  CHECK(errors_text(bad) ==
        "2: columns \"start\" and \"end\": range end \"10.0.0.1\" is before its start "
        "\"10.0.0.9\"\n"
        "3: columns \"start\" and \"end\": \"10.0.0.1\" and \"::1\" are of different address "
        "families\n"
        "4: column \"start\" is empty\n"
        "5: column \"end\": invalid address \"x\": not an IP address (IPv4 needs four dotted "
        "octets) at column 10\n");
}

TEST_CASE("generic CSV: the prefix column wins over address / network over subnet", "[csv_reader]") {
  CHECK(read("subnet,network\n10.0.0.0/8,10.1.0.0/16\n").ranges() == Strings{"10.1.0.0/16"});
  CHECK(read("address,netmask,prefix\n10.0.0.0,255.0.0.0,10.9.0.0/16\n").ranges() ==
        Strings{"10.9.0.0/16"});
  CHECK(read("prefix,prefix\n10.0.0.0/8,10.1.0.0/16\n").ranges() == Strings{"10.0.0.0/8"});
}

TEST_CASE("generic CSV: vrf / status/role / domain / label / site and tenant", "[csv_reader]") {
  const CollectingSink sink = read(
      "Prefix,VRF,Status,Role,Domain,Name,Description,Site,Tenant\n"
      "10.0.0.0/8,,container,,,Contoso,,,\n"
      "10.1.0.0/16,PROD,active,,dc1,DC1,Amsterdam DC,AMS1,Contoso\n"
      "10.2.0.0/16,global,,Container,,,,,\n"
      "10.3.0.0/16,Global,CONTAINER,,,same,same,,\n"
      "10.4.0.0/16, blue ,reserved,assigned,, , ,,\n");
  REQUIRE(errors_text(sink).empty());
  REQUIRE(sink.records.size() == 5);
  CHECK(sink.records[0].role == Role::kContainer);
  CHECK(sink.records[0].label == "Contoso");
  CHECK(sink.records[1].role == Role::kAssigned);
  CHECK(sink.records[1].namespace_name == "PROD");
  CHECK(sink.records[1].domain == "dc1");
  CHECK(sink.records[1].label == "DC1; Amsterdam DC; site AMS1; tenant Contoso");
  CHECK(sink.records[2].role == Role::kContainer);
  CHECK(sink.records[2].namespace_name.empty());
  CHECK(sink.records[3].role == Role::kContainer);
  CHECK(sink.records[3].label == "same");
  CHECK(sink.records[4].namespace_name == "blue");
  CHECK(sink.records[4].domain.empty());
  CHECK(sink.records[4].label.empty());
}

TEST_CASE("generic CSV: the ledger SPEC section 5 writes reads as reservations", "[csv_reader]") {
  const CollectingSink sink = read(
      "prefix,role,domain,label,reserved_at\n"
      "172.31.255.16/28,container,ledger,ER primary circuit,2026-11-25T10:00:00Z\n");
  REQUIRE(sink.records.size() == 1);
  CHECK(sink.records[0].role == Role::kContainer);
  CHECK(sink.records[0].domain == "ledger");
  CHECK(sink.records[0].label == "ER primary circuit");
}

TEST_CASE("generic CSV: delimiters / quoting / CRLF / BOM and multi-line values", "[csv_reader]") {
  const CollectingSink semicolon = read("prefix;name\r\n10.0.0.0/8;\"a;b\"\r\n");
  REQUIRE(semicolon.records.size() == 1);
  CHECK(semicolon.records[0].label == "a;b");
  const CollectingSink tab = read("\xEF\xBB\xBFprefix\tname\n10.0.0.0/8\tx\n");
  REQUIRE(tab.records.size() == 1);
  CHECK(tab.records[0].where == "2");
  const CollectingSink excel = read("sep=;\r\nprefix;vrf\r\n10.0.0.0/8;A\r\n");
  REQUIRE(excel.records.size() == 1);
  CHECK(excel.records[0].where == "3");
  CHECK(excel.records[0].namespace_name == "A");

  const CollectingSink multi = read(
      "prefix,description\n"
      "10.0.0.0/24,\"line one\n10.0.1.0/24,still the description\"\n"
      "10.0.2.0/24,next\n"
      "\n"
      "10.0.3.0/24,after a blank line\n");
  CHECK(multi.ranges() == Strings{"10.0.0.0/24", "10.0.2.0/24", "10.0.3.0/24"});
  REQUIRE(multi.records.size() == 3);
  CHECK(multi.records[0].where == "2");
  CHECK(multi.records[0].label == "line one\n10.0.1.0/24,still the description");
  CHECK(multi.records[1].where == "4");
  CHECK(multi.records[2].where == "6");
}

TEST_CASE("generic CSV: short rows / padded rows and blank lines", "[csv_reader]") {
  const CollectingSink sink = read("name,vrf,prefix\nx,A,10.0.0.0/8\ny\n,,\nz,B,10.1.0.0/16,extra\n");
  CHECK(sink.ranges() == Strings{"10.0.0.0/8", "10.1.0.0/16"});
  CHECK(errors_text(sink) == "3: column \"prefix\" is empty\n");
}

TEST_CASE("generic CSV: errors name the column and point at the line's column", "[csv_reader]") {
  const CollectingSink sink = read(
      "name,prefix\n"
      "a,010.0.0.0/8\n"
      "b,  10.0.0.1/8\n"
      "c,\"10.0.0.0/33\"\n"
      "\"d\ne\",10.0.0.0/0x\n"
      "f,\"10.0.0.0/\"\"8\"\n"
      "g,fe80::1%eth0\n");
  CHECK(errors_text(sink) ==
        "2: column \"prefix\": invalid prefix \"010.0.0.0/8\": leading zero in IPv4 octet "
        "(ambiguous octal) at column 3\n"
        "3: column \"prefix\": invalid prefix \"10.0.0.1/8\": host bits set (use "
        "--allow-host-bits to truncate) at column 5\n"
        "4: column \"prefix\": invalid prefix \"10.0.0.0/33\": prefix length too large for the "
        "address family at column 13\n"
        "5: column \"prefix\": invalid prefix \"10.0.0.0/0x\": prefix length must be plain "
        "decimal\n"
        "7: column \"prefix\": invalid prefix \"10.0.0.0/\"8\": prefix length must be plain "
        "decimal\n"
        "8: column \"prefix\": invalid address \"fe80::1%eth0\": zone ids ('%...') are not "
        "allowed at column 10\n");
  CHECK(sink.records.empty());
}

TEST_CASE("generic CSV: netmask problems", "[csv_reader]") {
  const CollectingSink sink = read(
      "address,netmask\n"
      "10.0.0.0,255.0.255.0\n"
      "10.0.0.0,255.255.255.256\n"
      "10.0.0.0,abc\n"
      "10.0.0.0,33\n"
      "10.0.0.0,08\n"
      "10.0.0.0,1000\n"
      "10.0.0.0,\n"
      "2001:db8::,129\n"
      "2001:db8::,255.255.0.0\n"
      "10.0.0.0,ffff::\n"
      "10.0.0.1,255.255.255.0\n"
      "10.0.0.0-10.0.0.9,24\n");
  CHECK(errors_text(sink) ==
        "2: column \"netmask\": \"255.0.255.0\" is not a contiguous netmask\n"
        "3: column \"netmask\": \"255.255.255.256\" is not a netmask or prefix length\n"
        "4: column \"netmask\": \"abc\" is not a netmask or prefix length\n"
        "5: column \"netmask\": prefix length \"33\" is too large for IPv4 (at most 32)\n"
        "6: column \"netmask\": \"08\" is not a netmask or prefix length\n"
        "7: column \"netmask\": prefix length \"1000\" is too large for IPv4 (at most 32)\n"
        "8: column \"netmask\" is empty (\"10.0.0.0\" needs a netmask or prefix length)\n"
        "9: column \"netmask\": prefix length \"129\" is too large for IPv6 (at most 128)\n"
        "10: column \"netmask\": \"255.255.0.0\" is not an IPv6 netmask (the address "
        "\"2001:db8::\" is IPv6)\n"
        "11: column \"netmask\": \"ffff::\" is not an IPv4 netmask (the address \"10.0.0.0\" is "
        "IPv4)\n"
        "12: columns \"address\" and \"netmask\": invalid prefix \"10.0.0.1/24\": host bits set "
        "(use --allow-host-bits to truncate)\n"
        "13: column \"netmask\": a range (\"10.0.0.0-10.0.0.9\") takes no netmask\n");
}

TEST_CASE("generic CSV: --allow-host-bits truncates and flags the record", "[csv_reader]") {
  const CollectingSink sink = read("address,mask,prefix\n10.0.0.1,24,\n,,10.1.1.1/16\n",
                                   InputFormat::kCsv, HostBits::kTruncate);
  // The prefix column wins when both exist; the first row has none.
  CHECK(errors_text(sink) == "2: column \"prefix\" is empty\n");
  CHECK(sink.ranges() == Strings{"10.1.0.0/16"});
  const CollectingSink mask = read("address,mask\n10.0.0.1,24\n10.0.1.0,24\n", InputFormat::kCsv,
                                   HostBits::kTruncate);
  REQUIRE(mask.records.size() == 2);
  CHECK(mask.records[0].range == "10.0.0.0/24");
  CHECK(mask.records[0].host_bits_cleared);
  CHECK_FALSE(mask.records[1].host_bits_cleared);
}

TEST_CASE("a header without a prefix column", "[csv_reader]") {
  const std::string_view text = "name,vlan\nServers,110\n";
  CHECK_FALSE(detect_csv_flavor(text).has_value());
  const CollectingSink sink = read(text);
  CHECK(errors_text(sink) ==
        "1: no prefix column in the header: looked for \"prefix\", \"network\", \"subnet\" or "
        "\"cidr\", \"address\" with \"mask\", \"netmask\", \"cidr\" or \"prefix_length\", or "
        "\"start\" with \"end\"; the header has \"name\", \"vlan\"\n");
  CHECK(sink.records.empty());
  // An address alone, or a start without an end, is not enough.
  CHECK_FALSE(detect_csv_flavor("address,name\n10.0.0.1,x\n").has_value());
  CHECK_FALSE(detect_csv_flavor("start,name\n10.0.0.1,x\n").has_value());
  // After leading blank lines the header is still found, and named by its line.
  CHECK(read("\n\nname\nx\n").errors.at(0).where == "3");
  const CollectingSink wide = read("a,b,c,d,e,f,g,h,i,j\n");
  CHECK(wide.errors.at(0).text.find("\"h\" and 2 more") != std::string::npos);
}

TEST_CASE("empty inputs and broken headers", "[csv_reader]") {
  CHECK(read("").records.empty());
  CHECK(read("").errors.empty());
  CHECK(read("\n\n").errors.empty());
  CHECK(read("prefix\n").records.empty());
  const CollectingSink broken = read("prefix,\"name\n10.0.0.0/8,x\n");
  CHECK(errors_text(broken) ==
        "1: in the header row: unterminated quoted field: the quote at column 8 is never "
        "closed\n");
  CHECK_FALSE(detect_csv_flavor("prefix,\"name\n").has_value());
}

TEST_CASE("every data row yields exactly one record / error or skip", "[csv_reader]") {
  const CollectingSink sink = read(
      "prefix,name\n"
      "10.0.0.0/8,a\n"
      "bad,b\n"
      "10.1.0.0/16,c\"d\n"
      "10.2.0.0/16,\"e\"\n"
      "10.3.0.0/16,\"unterminated\n"
      "10.4.0.0/16,f\n");
  CHECK(sink.ranges() == Strings{"10.0.0.0/8", "10.2.0.0/16"});
  REQUIRE(sink.errors.size() == 3);
  CHECK(sink.errors[0].where == "3");
  CHECK(sink.errors[1].where == "4");
  CHECK(sink.errors[2].where == "6");
}

TEST_CASE("flavour detection", "[csv_reader]") {
  CHECK(detect_csv_flavor("prefix,name\n10.0.0.0/8,x\n") == InputFormat::kCsv);
  CHECK(detect_csv_flavor("address;netmask\n") == InputFormat::kCsv);
  CHECK(detect_csv_flavor("start\tend\n") == InputFormat::kCsv);
  // NetBox's UI export: its own columns, or its English column names.
  CHECK(detect_csv_flavor("Prefix,Status,Children,VRF,Utilization,Tenant,Scope,VLAN,Role,"
                          "Description\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("ID,Prefix,Status,VRF\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("Prefix (Flat),Depth\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("prefix,status\n") == InputFormat::kCsv);  // lower case: ours
  // NetBox's bulk-import layout.
  CHECK(detect_csv_flavor("prefix,vrf,tenant,vlan_group,vlan_site,vlan,status,role,scope_type,"
                          "scope_name,scope_id,is_pool,mark_utilized,description\n") ==
        InputFormat::kNetboxCsv);
  // Translated exports.
  CHECK(detect_csv_flavor("Pr\xc3\xa9" "fixe;VRF;Description\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("Prefijo,VRF\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("Prefisso,VRF\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("Prefixo,VRF\n") == InputFormat::kNetboxCsv);
  CHECK(detect_csv_flavor("Prefix,Status,Untergeordnet,VRF,Mandant,Beschreibung\n") ==
        InputFormat::kNetboxCsv);
  // phpIPAM, both layouts.
  CHECK(detect_csv_flavor("section,subnet,mask,description,vlan,domain,vrf\n") ==
        InputFormat::kPhpipamCsv);
  CHECK(detect_csv_flavor("Section;Subnet;Description;VLAN;VLAN Domain;VRF;Master Subnet\n") ==
        InputFormat::kPhpipamCsv);
  // Not CSV inventories.
  CHECK_FALSE(detect_csv_flavor("header-network,address*,netmask*\n").has_value());
  CHECK_FALSE(detect_csv_flavor("10.0.0.0/8\n10.1.0.0/16\n").has_value());
  CHECK_FALSE(detect_csv_flavor("# prefixes\n10.0.0.0/8\n").has_value());
  CHECK_FALSE(detect_csv_flavor("").has_value());
  CHECK_FALSE(detect_csv_flavor("ID,IP Address,VRF,Status\n").has_value());  // NetBox IPs
}

TEST_CASE("NetBox export: translated headers and status values", "[csv_reader]") {
  struct Case {
    const char* text;
    const char* container;
  };
  const Case cases[] = {
      {"Prefix,Status,VRF,Description\n", "Container"},
      {"Prefix;Status;VRF;Beschreibung\n", "Container"},             // de
      {"Pr\xc3\xa9" "fixe;VRF;Status\n", "R\xc3\xa9" "cipient"},      // fr: Status unconfirmed
      {"Prefijo,VRF,Status\n", "Contenedor"},                        // es
      {"Prefisso,VRF,Status\n", "Contenitore"},                      // it
      {"Prefixo,VRF,Status\n", "Cont\xc3\xaa" "iner"},               // pt
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::string text = c.text;
    const char delimiter = text.find(';') != std::string::npos ? ';' : ',';
    const std::string row_end = "\n";
    const auto row = [&](std::string_view a, std::string_view b, std::string_view d) {
      // Columns: prefix, then VRF/Status in the order the header has them.
      const bool status_second = text.find("Status") < text.find("VRF");
      std::string out(a);
      out += delimiter;
      out += status_second ? std::string(b) : std::string(d);
      out += delimiter;
      out += status_second ? std::string(d) : std::string(b);
      return out + row_end;
    };
    text += row("10.0.0.0/8", c.container, "Global");
    text += row("10.1.0.0/16", "Active", "PROD (65000:1)");
    const CollectingSink sink = read(text, InputFormat::kNetboxCsv);
    REQUIRE(errors_text(sink).empty());
    REQUIRE(sink.records.size() == 2);
    CHECK(sink.records[0].role == Role::kContainer);
    CHECK(sink.records[0].namespace_name.empty());
    CHECK(sink.records[1].role == Role::kAssigned);
    CHECK(sink.records[1].namespace_name == "PROD");
  }
}

TEST_CASE("NetBox: VRF text / role column / labels and old depth bullets", "[csv_reader]") {
  const CollectingSink sink = read(
      "Prefix,Status,VRF,Tenant,Scope,Role,Description\n"
      "10.0.0.0/8,container,,Contoso,,,Top\n"
      "10.1.0.0/16,Active,Blue (65000:7),,AMS1,Container,Role is not a status\n"
      "10.2.0.0/16,Active,Red,,,,\n"
      "10.3.0.0/16,Active,  Green (rd) ,,,,\n"
      "10.4.0.0/16,Active,(odd),,,,\n"
      "\"\xe2\x80\xa2 \xe2\x80\xa2 10.5.0.0/24\",Active,global,,,,\n"
      "\"\n  \xe2\x80\xa2\n  10.6.0.0/24\n\",Active,,,,,\n",
      InputFormat::kNetboxCsv);
  REQUIRE(errors_text(sink).empty());
  REQUIRE(sink.records.size() == 7);
  CHECK(sink.records[0].role == Role::kContainer);
  CHECK(sink.records[0].label == "Top; tenant Contoso");
  CHECK(sink.records[1].role == Role::kAssigned);
  CHECK(sink.records[1].namespace_name == "Blue");
  CHECK(sink.records[1].label == "Role is not a status; site AMS1");
  CHECK(sink.records[2].namespace_name == "Red");
  CHECK(sink.records[3].namespace_name == "Green");
  CHECK(sink.records[4].namespace_name == "(odd)");
  CHECK(sink.records[5].range == "10.5.0.0/24");
  CHECK(sink.records[5].namespace_name.empty());
  CHECK(sink.records[6].range == "10.6.0.0/24");
  CHECK(sink.records[6].where == "8");
  // Generic CSV keeps the VRF text as written.
  CHECK(read("prefix,vrf\n10.0.0.0/8,Blue (65000:7)\n").records.at(0).namespace_name ==
        "Blue (65000:7)");
}

TEST_CASE("NetBox bulk-import layout with status slugs", "[csv_reader]") {
  const CollectingSink sink = read_detected(
      "prefix,vrf,tenant,vlan_group,vlan_site,vlan,status,role,scope_type,scope_name,scope_id,"
      "is_pool,mark_utilized,description\n"
      "10.0.0.0/8,,Contoso,,,,container,,,,,false,false,All of it\n"
      "10.1.0.0/16,PROD,Contoso,,,,active,Production,dcim.site,AMS1,,false,false,DC1\n"
      "10.2.0.0/16,,,,,,deprecated,,,,,,,\n");
  REQUIRE(errors_text(sink).empty());
  REQUIRE(sink.records.size() == 3);
  CHECK(sink.records[0].role == Role::kContainer);
  CHECK(sink.records[1].role == Role::kAssigned);
  CHECK(sink.records[1].namespace_name == "PROD");
  CHECK(sink.records[1].label == "DC1; site AMS1; tenant Contoso");
}

TEST_CASE("phpIPAM export: folders skipped with a note / masters are containers", "[csv_reader]") {
  const CollectingSink sink = read_detected(
      "Section,Subnet,Description,VLAN,VLAN Domain,VRF,Master Subnet\n"
      "Customers,10.0.0.0/16,All customers,NA,default,,/\n"
      "Customers,10.0.1.0/24,Customer A,100,default,,10.0.0.0/16\n"
      "Customers,Customer B (folder),,,,,/\n"
      "Customers,10.0.2.0/24,Customer B,101,default,,Customer B [folder]\n"
      "Lab,10.0.0.0/16,Same prefix in another section: not a master,,,,/\n"
      "Customers,10.0.3.0/24,A master named after its children,,,,/\n"
      "Customers,10.0.3.0/25,Child,,,,10.0.3.0/24\n"
      "Customers,10.0.4.0/24,In a VRF,,,BLUE,/\n"
      "Customers,10.0.5.0/33,Broken,,,,/\n");
  CHECK(sink.ranges() == Strings{"10.0.0.0/16", "10.0.1.0/24", "10.0.2.0/24", "10.0.0.0/16",
                                 "10.0.3.0/24", "10.0.3.0/25", "10.0.4.0/24"});
  Strings roles;
  for (const auto& r : sink.records) roles.emplace_back(role_name(r.role));
  CHECK(roles == Strings{"container", "assigned", "assigned", "assigned", "container",
                         "assigned", "assigned"});
  REQUIRE(sink.skips.size() == 1);
  CHECK(sink.skips[0].where == "4");
  CHECK(sink.skips[0].text == "phpIPAM folder \"Customer B\" (a folder holds no addresses)");
  CHECK(sink.records.at(6).namespace_name == "BLUE");
  CHECK(sink.records.at(1).domain.empty());  // a VLAN domain is not the record's domain
  CHECK(errors_text(sink) ==
        "10: column \"Subnet\": invalid prefix \"10.0.5.0/33\": prefix length too large for the "
        "address family at column 20\n");
  // Records come out in input order: the lines go up.
  for (std::size_t i = 1; i < sink.records.size(); ++i) {
    CHECK(std::stoi(sink.records[i].where) > std::stoi(sink.records[i - 1].where));
  }
}

TEST_CASE("phpIPAM import layout: a subnet holding another of its section and VRF is a master",
          "[csv_reader]") {
  const CollectingSink sink = read_detected(
      "section,subnet,mask,description,vlan,domain,vrf\n"
      "Customers,10.0.0.0,16,All customers,,default,\n"       // holds 10.0.1.0/24
      "Customers,10.0.1.0,255.255.255.0,Customer A,100,default,\n"
      "Customers,10.1.0.0,16,Empty block,,default,\n"         // holds nothing
      "Lab,10.1.2.0,24,Other section,,default,\n"             // does not make 10.1.0.0/16 one
      "Customers,10.2.0.0,16,VRF block,,default,RED\n"        // holds 10.2.1.0/24 in RED only
      "Customers,10.2.1.0,24,Red child,,default,RED\n"
      "Customers,10.3.0.0,16,Wrong VRF,,default,BLUE\n"
      "Customers,10.3.1.0,24,Other VRF child,,default,RED\n"
      "Customers,10.4.0.0,24,Duplicate,,default,\n"
      "Customers,10.4.0.0,24,Duplicate,,default,\n"
      "Customers,10.5.0.0,,No mask,,default,\n"
      "Customers,10.6.0.0/16,,Prefix in the subnet column,,default,\n"
      "Customers,10.6.7.0,24,Its child,,default,\n");
  Strings roles;
  for (const auto& r : sink.records) roles.emplace_back(role_name(r.role));
  CHECK(sink.ranges() == Strings{"10.0.0.0/16", "10.0.1.0/24", "10.1.0.0/16", "10.1.2.0/24",
                                 "10.2.0.0/16", "10.2.1.0/24", "10.3.0.0/16", "10.3.1.0/24",
                                 "10.4.0.0/24", "10.4.0.0/24", "10.6.0.0/16", "10.6.7.0/24"});
  CHECK(roles == Strings{"container", "assigned", "assigned", "assigned", "container", "assigned",
                         "assigned", "assigned", "assigned", "assigned", "container",
                         "assigned"});
  CHECK(errors_text(sink) ==
        "12: column \"mask\" is empty (\"10.5.0.0\" needs a netmask or prefix length)\n");
  CHECK(sink.records.at(0).domain.empty());
  CHECK(sink.records.at(0).label == "All customers");
}

TEST_CASE("the shipped fixtures read cleanly", "[csv_reader][fixtures]") {
  const std::filesystem::path fixtures = IPPLAN_FIXTURES;
  struct Expect {
    const char* file;
    InputFormat format;
    std::size_t records;
    std::size_t containers;
    std::size_t skips;
  };
  const Expect expects[] = {
      {"onprem-generic.csv", InputFormat::kCsv, 14, 8, 0},
      {"netbox-prefixes.csv", InputFormat::kNetboxCsv, 15, 6, 0},
      {"phpipam-subnets.csv", InputFormat::kPhpipamCsv, 12, 4, 1},
  };
  for (const Expect& e : expects) {
    INFO(e.file);
    const std::string text = slurp(fixtures / e.file);
    REQUIRE(!text.empty());
    REQUIRE(detect_csv_flavor(text) == e.format);
    const CollectingSink sink = read(text, e.format);
    CHECK(errors_text(sink).empty());
    CHECK(sink.records.size() == e.records);
    std::size_t containers = 0;
    for (const auto& r : sink.records) containers += r.role == Role::kContainer ? 1 : 0;
    CHECK(containers == e.containers);
    CHECK(sink.skips.size() == e.skips);
  }
}

TEST_CASE("malformed fixtures give exactly the errors in their .expected files",
          "[csv_reader][infoblox_reader][fixtures]") {
  const std::filesystem::path fixtures = IPPLAN_FIXTURES;
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixtures / "malformed")) {
    if (entry.path().extension() != ".csv") continue;
    const std::string name = "malformed/" + entry.path().filename().string();
    INFO(name);
    const std::string text = slurp(entry.path());
    CollectingSink sink;
    if (looks_like_infoblox(text)) {
      read_infoblox_csv(text, {}, sink);
    } else {
      read_csv(detect_csv_flavor(text).value_or(InputFormat::kCsv), text, {}, sink);
    }
    std::string printed;
    for (const auto& e : sink.errors) printed += name + ":" + e.where + ": " + e.text + "\n";
    CHECK(printed == slurp(entry.path().string() + ".expected"));
    ++checked;
  }
  CHECK(checked >= 5);
}

TEST_CASE("random inputs never break the readers", "[csv_reader][infoblox_reader]") {
  std::mt19937 random(3);
  const std::string_view pieces[] = {
      "prefix", "address", "netmask", "cidr", "start", "end", "vrf", "status", "Section",
      "Subnet", "Master Subnet", "header-network", "network", "address*", "netmask*",
      "10.0.0.0/8", "10.0.0.1", "255.255.0.0", "24", "::1", "2001:db8::/32", "container",
      "Global", "x (y)", "(folder)", "[folder]", "/", "\"", "\"\"", ",", ";", "\t", "\n", "\r\n",
      " ", "", "\xe2\x80\xa2", std::string_view("\0", 1), "\xff", "10.0.0.0-10.0.0.9"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % std::size(pieces)];
    for (const InputFormat format :
         {InputFormat::kCsv, InputFormat::kNetboxCsv, InputFormat::kPhpipamCsv}) {
      const CollectingSink sink = read(text, format);
      for (const auto& r : sink.records) CHECK(!r.range.empty());
    }
    (void)detect_csv_flavor(text);
    (void)looks_like_infoblox(text);
    CollectingSink infoblox;
    read_infoblox_csv(text, {}, infoblox);
  }
}
