// list_reader_test.cc — the `list` format: one callback per meaningful line, exact lines/columns.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/list_reader.h"

using namespace ipplan;

namespace {
struct Collected {
  std::vector<std::pair<std::uint32_t, std::string>> entries;
  std::vector<std::pair<std::uint32_t, std::string>> errors;
  ListReadCounts counts;
};

Collected read(std::string_view text, HostBits host_bits = HostBits::kReject) {
  Collected c;
  c.counts = read_list(
      text, host_bits,
      [&](const ListEntry& e) { c.entries.emplace_back(e.line, to_string(e.range)); },
      [&](const LineError& e) { c.errors.emplace_back(e.line, e.message); });
  return c;
}
}  // namespace

TEST_CASE("comments, blanks, whitespace and CRLF", "[list]") {
  const Collected c = read(
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
  REQUIRE(c.entries.size() == 6);
  CHECK(c.entries[0] == std::pair<std::uint32_t, std::string>{2, "10.0.0.0/8"});
  CHECK(c.entries[1] == std::pair<std::uint32_t, std::string>{5, "192.168.0.0/16"});
  CHECK(c.entries[2] == std::pair<std::uint32_t, std::string>{6, "1.10.16.0/20"});
  CHECK(c.entries[3] == std::pair<std::uint32_t, std::string>{8, "2001:db8::/32"});
  CHECK(c.entries[4] == std::pair<std::uint32_t, std::string>{9, "10.1.1.10-10.1.1.99"});
  CHECK(c.entries[5] == std::pair<std::uint32_t, std::string>{10, "172.16.0.1/32"});
  CHECK(c.counts.lines == 10);
  CHECK(c.counts.entries == 6);
  CHECK(c.counts.errors == 0);
}

TEST_CASE("a byte order mark is skipped at the start and refused elsewhere", "[list]") {
  const Collected start = read("\xEF\xBB\xBF" "10.0.0.0/8\n");
  REQUIRE(start.entries.size() == 1);
  CHECK(start.entries[0].first == 1);
  const Collected middle = read("10.0.0.0/8\n\xEF\xBB\xBF" "10.1.0.0/16\n");
  REQUIRE(middle.errors.size() == 1);
  CHECK(middle.errors[0].first == 2);
  CHECK(middle.errors[0].second.find("\\xef\\xbb\\xbf") != std::string::npos);
}

TEST_CASE("a comment needs whitespace before it; other trailing text is an error", "[list]") {
  const Collected c = read("10.0.0.0/8#x\n10.0.0.0/8 extra\n10.0.0.0/8\tlabel # c\n");
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].first == 1);
  CHECK(c.errors[1].first == 2);
  CHECK(c.errors[1].second.find("unexpected text after the value at column 12") !=
        std::string::npos);
  CHECK(c.errors[2].first == 3);
  CHECK(c.entries.empty());
}

TEST_CASE("errors carry the line, the quoted value and the column in the line", "[list]") {
  const Collected c = read("10.0.0.0/8\n  192.168.001.0/24\n10.0.0.1/24\n::1%eth0\n");
  REQUIRE(c.entries.size() == 1);
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].first == 2);
  CHECK(c.errors[0].second ==
        "invalid prefix \"192.168.001.0/24\": leading zero in IPv4 octet (ambiguous octal) at "
        "column 11");
  CHECK(c.errors[1].first == 3);
  CHECK(c.errors[1].second.find("host bits set") != std::string::npos);
  CHECK(c.errors[2].first == 4);
  CHECK(c.errors[2].second.find("zone ids") != std::string::npos);
  CHECK(c.counts.errors == 3);
}

TEST_CASE("host bits are truncated only when asked, and flagged", "[list]") {
  std::vector<ListEntry> entries;
  read_list("10.0.0.1/24\n10.0.0.0/24\n", HostBits::kTruncate,
            [&](const ListEntry& e) { entries.push_back(e); }, [](const LineError&) { FAIL(); });
  REQUIRE(entries.size() == 2);
  CHECK(to_string(entries[0].range) == "10.0.0.0/24");
  CHECK(entries[0].host_bits_cleared);
  CHECK_FALSE(entries[1].host_bits_cleared);
}

TEST_CASE("NUL bytes, stray CR and very long lines are errors, never crashes", "[list]") {
  std::string text = "10.0.0.0/8\n";
  text += std::string("10.0.0.0\0/8\n", 12);
  text += "10.0.0.0/8\r\r\n";
  text += std::string(1 << 20, '1') + "\n";
  text += "::/0\n";
  const Collected c = read(text);
  REQUIRE(c.entries.size() == 2);
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].first == 2);
  CHECK(c.errors[0].second.find("\\x00") != std::string::npos);
  CHECK(c.errors[1].first == 3);
  CHECK(c.errors[2].first == 4);
  CHECK(c.errors[2].second.size() < 300);  // the quote is shortened
  CHECK(c.entries[1].first == 5);
}

TEST_CASE("empty input and comment-only input yield nothing", "[list]") {
  CHECK(read("").counts.lines == 0);
  const Collected c = read("# nothing\n\n");
  CHECK(c.entries.empty());
  CHECK(c.errors.empty());
  CHECK(c.counts.lines == 2);
}
