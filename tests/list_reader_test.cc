// list_reader_test.cc — the `list` format: one record or error per meaningful line, exact
// lines and columns.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "collecting_sink.h"
#include "ipplan/list_reader.h"

using namespace ipplan;
using ipplan::testing::CollectingSink;

namespace {
CollectingSink read(std::string_view text, HostBits host_bits = HostBits::kReject) {
  CollectingSink sink;
  ReadOptions options;
  options.host_bits = host_bits;
  read_list(text, options, sink);
  return sink;
}
using Entry = std::pair<std::string, std::string>;  // where, range
std::vector<Entry> entries(const CollectingSink& sink) {
  std::vector<Entry> out;
  for (const auto& r : sink.records) out.emplace_back(r.where, r.range);
  return out;
}
}  // namespace

TEST_CASE("comments / blanks / whitespace and CRLF", "[list]") {
  const CollectingSink c = read(
      "# inventory\r\n"
      "10.0.0.0/8\r\n"
      "\r\n"
      "   \t\n"
      "\t192.168.0.0/16   # lab\n"
      "1.10.16.0/20 ; SBL256894\n"
      "; whole-line comment\n"
      "2001:DB8::/32\n"
      "10.1.1.10-10.1.1.99\n"
      "172.16.0.1");  // no final newline
  REQUIRE(c.errors.empty());
  CHECK(entries(c) == std::vector<Entry>{{"2", "10.0.0.0/8"},
                                         {"5", "192.168.0.0/16"},
                                         {"6", "1.10.16.0/20"},
                                         {"8", "2001:db8::/32"},
                                         {"9", "10.1.1.10-10.1.1.99"},
                                         {"10", "172.16.0.1/32"}});
  for (const auto& r : c.records) {
    CHECK(r.role == Role::kAssigned);
    CHECK(r.domain.empty());  // the input's domain
    CHECK(r.namespace_name.empty());
  }
}

TEST_CASE("a byte order mark is skipped at the start and refused elsewhere", "[list]") {
  const CollectingSink start = read("\xEF\xBB\xBF" "10.0.0.0/8\n");
  CHECK(entries(start) == std::vector<Entry>{{"1", "10.0.0.0/8"}});
  const CollectingSink middle = read("10.0.0.0/8\n\xEF\xBB\xBF" "10.1.0.0/16\n");
  REQUIRE(middle.errors.size() == 1);
  CHECK(middle.errors[0].where == "2");
  CHECK(middle.errors[0].text.find("\\xef\\xbb\\xbf") != std::string::npos);
}

TEST_CASE("a comment needs whitespace before it - other trailing text is an error", "[list]") {
  const CollectingSink c = read("10.0.0.0/8#x\n10.0.0.0/8 extra\n10.0.0.0/8\tlabel # c\n");
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].where == "1");
  CHECK(c.errors[1].where == "2");
  CHECK(c.errors[1].text ==
        "unexpected text after the value at column 12 (a comment starts with '#' or ';')");
  CHECK(c.errors[2].where == "3");
  CHECK(c.records.empty());
}

TEST_CASE("errors carry the line / the quoted value and the column in the line", "[list]") {
  const CollectingSink c = read("10.0.0.0/8\n  192.168.001.0/24\n10.0.0.1/24\n::1%eth0\n");
  REQUIRE(c.records.size() == 1);
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].where == "2");
  CHECK(c.errors[0].text ==
        "invalid prefix \"192.168.001.0/24\": leading zero in IPv4 octet (ambiguous octal) at "
        "column 11");
  CHECK(c.errors[1].where == "3");
  CHECK(c.errors[1].text.find("host bits set") != std::string::npos);
  CHECK(c.errors[2].where == "4");
  CHECK(c.errors[2].text.find("zone ids") != std::string::npos);
}

TEST_CASE("host bits are truncated only when asked / and flagged", "[list]") {
  const CollectingSink c = read("10.0.0.1/24\n10.0.0.0/24\n  10.0.1.1/24 # c\n", HostBits::kTruncate);
  REQUIRE(c.errors.empty());
  REQUIRE(c.records.size() == 3);
  CHECK(c.records[0].range == "10.0.0.0/24");
  CHECK(c.records[0].host_bits_cleared);
  CHECK_FALSE(c.records[1].host_bits_cleared);
  CHECK(c.records[2].range == "10.0.1.0/24");
  CHECK(c.records[2].host_bits_cleared);
}

TEST_CASE("NUL bytes / stray CR and very long lines are errors / never crashes", "[list]") {
  std::string text = "10.0.0.0/8\n";
  text += std::string("10.0.0.0\0/8\n", 12);
  text += "10.0.0.0/8\r\r\n";
  text += std::string(1 << 20, '1') + "\n";
  text += "::/0\n";
  const CollectingSink c = read(text);
  REQUIRE(c.records.size() == 2);
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].where == "2");
  CHECK(c.errors[0].text.find("\\x00") != std::string::npos);
  CHECK(c.errors[1].where == "3");
  CHECK(c.errors[2].where == "4");
  CHECK(c.errors[2].text.size() < 300);  // the quote is shortened
  CHECK(c.records[1].where == "5");
}

TEST_CASE("empty input and comment-only input yield nothing", "[list]") {
  const CollectingSink empty = read("");
  CHECK(empty.records.empty());
  CHECK(empty.errors.empty());
  const CollectingSink c = read("# nothing\n\n");
  CHECK(c.records.empty());
  CHECK(c.errors.empty());
}
