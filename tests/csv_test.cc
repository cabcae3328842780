// csv_test.cc — the RFC 4180 row reader: quoting, line numbers, recovery, delimiters, odd bytes.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "ipplan/csv.h"

using namespace ipplan;

namespace {

struct Row {
  std::uint32_t line = 0;
  std::vector<std::string> fields;
  std::string error;
  std::uint32_t error_line = 0;
};

std::vector<Row> read_all(std::string_view text, CsvDialect dialect = {}) {
  std::vector<Row> rows;
  CsvReader reader(text, dialect);
  CsvRow row;
  while (reader.next(row)) {
    Row out;
    out.line = row.line();
    for (std::size_t i = 0; i < row.size(); ++i) out.fields.emplace_back(row.value(i));
    out.error = row.error();
    out.error_line = row.error_line();
    rows.push_back(std::move(out));
  }
  return rows;
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("plain rows / LF and a last row without a line end", "[csv]") {
  const auto rows = read_all("prefix,name\n10.0.0.0/8,core\n10.1.0.0/16,dc2");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"prefix", "name"});
  CHECK(rows[1].fields == Fields{"10.0.0.0/8", "core"});
  CHECK(rows[2].fields == Fields{"10.1.0.0/16", "dc2"});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 3);
  CHECK(read_all("").empty());
  CHECK(read_all("a,b\n").size() == 1);
}

TEST_CASE("CRLF ends rows - a lone CR is data - a CR at the very end ends the row", "[csv]") {
  const auto rows = read_all("a,b\r\nc,d\r\ne\rf,g\r");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"a", "b"});
  CHECK(rows[1].fields == Fields{"c", "d"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == Fields{"e\rf", "g"});
  CHECK(rows[2].line == 3);
}

TEST_CASE("a byte order mark is skipped and does not count in columns", "[csv]") {
  CsvReader reader("\xEF\xBB\xBF" "prefix,name\n", {});
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(row.size() == 2);
  CHECK(row.value(0) == "prefix");
  CHECK(row.field(0).column == 1);
  CHECK(row.field(1).column == 8);
  CHECK(detect_csv_dialect("\xEF\xBB\xBF" "a;b;c\n").delimiter == ';');
}

TEST_CASE("quoted fields hold delimiters / doubled quotes and line breaks", "[csv]") {
  const std::string_view text =
      "prefix,description,site\n"
      "10.0.0.0/24,\"servers, rack 4\",AMS\n"
      "10.0.1.0/24,\"the \"\"old\"\" lab\",\"DUB\"\n"
      "10.0.2.0/24,\"first line\n"
      "network,10.0.3.0,second line\r\n"
      "third line\",AMS\n"
      "10.0.4.0/24,\"\",\n";
  const auto rows = read_all(text);
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].fields == Fields{"10.0.0.0/24", "servers, rack 4", "AMS"});
  CHECK(rows[2].fields == Fields{"10.0.1.0/24", "the \"old\" lab", "DUB"});
  CHECK(rows[3].line == 4);
  CHECK(rows[3].fields ==
        Fields{"10.0.2.0/24", "first line\nnetwork,10.0.3.0,second line\r\nthird line", "AMS"});
  CHECK(rows[4].line == 7);  // the row after a three-line field
  CHECK(rows[4].fields == Fields{"10.0.4.0/24", "", ""});
}

TEST_CASE("fields point into the input unless a doubled quote had to be unescaped", "[csv]") {
  const std::string text = "plain,\"quoted\",\"with \"\"escape\"\"\",\"and \"\"another\"\"\"\n";
  CsvReader reader(text, {});
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(row.size() == 4);
  const auto inside = [&](std::string_view value) {
    return value.data() >= text.data() && value.data() + value.size() <= text.data() + text.size();
  };
  CHECK(inside(row.value(0)));
  CHECK(inside(row.value(1)));
  CHECK_FALSE(row.field(0).quoted);
  CHECK(row.field(1).quoted);
  CHECK_FALSE(row.field(1).unescaped);
  CHECK(row.field(2).unescaped);
  CHECK(row.field(3).unescaped);
  CHECK(row.value(2) == "with \"escape\"");
  CHECK(row.value(3) == "and \"another\"");
  CHECK(row.field(1).column == 7);
  CHECK(row.field(2).column == 16);
}

TEST_CASE("many escaped fields in one row survive the scratch buffer growing", "[csv]") {
  std::string text;
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    const std::string value = std::string(static_cast<std::size_t>(i * 7 + 1), 'x') + "\"q\"" +
                              std::to_string(i);
    expected.push_back(value);
    if (i > 0) text += ',';
    text += '"';
    for (const char c : value) {
      if (c == '"') text += '"';
      text += c;
    }
    text += '"';
  }
  const auto rows = read_all(text);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == expected);
}

TEST_CASE("fields know the line and column where their raw text starts", "[csv]") {
  CsvReader reader("a,\"multi\nline\",  c\nd", {});
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(row.size() == 3);
  CHECK(row.field(1).line == 1);
  CHECK(row.field(1).column == 3);
  CHECK(row.field(2).line == 2);
  CHECK(row.field(2).column == 7);
  CHECK(row.value(2) == "  c");
  REQUIRE(reader.next(row));
  CHECK(row.line() == 3);
  CHECK(row.field(0).column == 1);
}

TEST_CASE("blank lines / trailing delimiters and padded rows", "[csv]") {
  const auto rows = read_all("a,b,\n\n,,\n  \n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == Fields{"a", "b", ""});
  CHECK(rows[1].fields == Fields{""});
  CHECK(rows[2].fields == Fields{"", "", ""});
  CHECK(rows[3].fields == Fields{"  "});

  CsvReader reader("\n,,,\n\"\"\n x\n \t, \n", {});
  CsvRow row;
  REQUIRE(reader.next(row));
  CHECK(row.blank());
  REQUIRE(reader.next(row));
  CHECK(row.blank());
  REQUIRE(reader.next(row));
  CHECK_FALSE(row.blank());  // a quoted empty field was written on purpose
  REQUIRE(reader.next(row));
  CHECK_FALSE(row.blank());
  REQUIRE(reader.next(row));
  CHECK(row.blank());  // blanks only
}

TEST_CASE("blanks around a quoted field are tolerated", "[csv]") {
  const auto rows = read_all("a, \"b,c\" ,d\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"a", "b,c", "d"});
}

TEST_CASE("an unterminated quote is one error at the line where it opened", "[csv]") {
  const auto rows = read_all("prefix,name\n10.0.0.0/8,ok\n10.1.0.0/16,\"never closed\n10.2.0.0/16,x\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].error.empty());
  CHECK(rows[2].line == 3);
  CHECK(rows[2].error_line == 3);
  CHECK(rows[2].error == "unterminated quoted field: the quote at column 13 is never closed");
  CHECK(rows[2].fields.empty());

  // The quote opens on the second line of a row whose first field spans lines.
  const auto later = read_all("\"a\nb\",\"c\n");
  REQUIRE(later.size() == 1);
  CHECK(later[0].line == 1);
  CHECK(later[0].error_line == 2);
  CHECK(later[0].error == "unterminated quoted field: the quote at column 4 is never closed");
}

TEST_CASE("a quote inside an unquoted field is an error and reading resumes", "[csv]") {
  const auto rows = read_all("a,b\n10.0.0.0/8,12\" rack\n10.1.0.0/16,fine\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].error ==
        "quote in the middle of an unquoted field at column 14 (quote the whole field and double "
        "the quotes inside it)");
  CHECK(rows[1].error_line == 2);
  CHECK(rows[2].error.empty());
  CHECK(rows[2].line == 3);
  CHECK(rows[2].fields == Fields{"10.1.0.0/16", "fine"});
}

TEST_CASE("text after a closing quote is an error and reading resumes", "[csv]") {
  const auto rows = read_all("\"a\"b,c\n\"x\nx\"y\nd,e\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].error ==
        "unexpected text after a closing quote at column 4 (a quote inside a quoted field is "
        "written \"\")");
  CHECK(rows[0].error_line == 1);
  CHECK(rows[1].line == 2);
  CHECK(rows[1].error_line == 3);
  CHECK(rows[1].error.find("column 3") != std::string::npos);
  CHECK(rows[2].fields == Fields{"d", "e"});
  CHECK(rows[2].line == 4);
}

TEST_CASE("the delimiter is detected from the header row", "[csv]") {
  CHECK(detect_csv_dialect("prefix,vrf,name\n").delimiter == ',');
  CHECK(detect_csv_dialect("Prefix;Status;VRF\n1,2,3,4,5\n").delimiter == ';');
  CHECK(detect_csv_dialect("prefix\tname\n").delimiter == '\t');
  CHECK(detect_csv_dialect("Prefix|Status|VRF\n").delimiter == '|');
  CHECK(detect_csv_dialect("\"a;b;c\",d\n").delimiter == ',');  // quoted ones do not count
  CHECK(detect_csv_dialect("prefix\n10.0.0.0/8\n").delimiter == ',');
  CHECK(detect_csv_dialect("a;b,c\n").delimiter == ',');  // a tie: the first candidate
  CHECK(detect_csv_dialect("a b c\n", ", ").delimiter == ' ');
  CHECK(detect_csv_dialect("").delimiter == ',');

  const CsvDialect excel = detect_csv_dialect("sep=;\r\nprefix;name\r\n10.0.0.0/8;x\r\n");
  CHECK(excel.delimiter == ';');
  CHECK(excel.sep_line);
  const auto rows = read_all("sep=;\r\nprefix;name\r\n10.0.0.0/8;x\r\n", excel);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].fields == Fields{"prefix", "name"});
  CHECK(rows[1].fields == Fields{"10.0.0.0/8", "x"});
}

TEST_CASE("semicolon / tab and space delimiters", "[csv]") {
  CHECK(read_all("a;\"b;c\";d", {';', false})[0].fields == Fields{"a", "b;c", "d"});
  CHECK(read_all("a\t\"b\tc\"\td", {'\t', false})[0].fields == Fields{"a", "b\tc", "d"});
  CHECK(read_all("a \"b c\"  d", {' ', false})[0].fields == Fields{"a", "b c", "", "d"});
  CHECK(read_all("a,b", {'"', false})[0].fields == Fields{"a", "b"});  // unusable: comma
}

TEST_CASE("NUL bytes / invalid UTF-8 and very long lines are carried as data", "[csv]") {
  const std::string odd = std::string("a\0b", 3) + ",\xff\xfe,\"\xc3\x28\"\n";
  const auto rows = read_all(odd);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{std::string("a\0b", 3), "\xff\xfe", "\xc3\x28"});

  const std::string long_field(3 << 20, 'x');
  const auto long_rows = read_all(long_field + ",y\nz\n");
  REQUIRE(long_rows.size() == 2);
  CHECK(long_rows[0].fields[0].size() == long_field.size());
  CHECK(long_rows[1].line == 2);
}

TEST_CASE("random bytes never break the reader", "[csv]") {
  std::mt19937 random(20261125);
  const char alphabet[] = {'a', ',', ';', '"', '\n', '\r', ' ', '\t', '\0', '\xff', '1', '.'};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 64);
    for (int i = 0; i < length; ++i) text += alphabet[random() % sizeof alphabet];
    CsvReader reader(text, detect_csv_dialect(text));
    CsvRow row;
    std::uint32_t last_line = 0;
    std::size_t rows = 0;
    while (reader.next(row)) {
      CHECK(row.line() > last_line);
      last_line = row.line();
      REQUIRE(++rows <= text.size() + 1);
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string_view value = row.value(i);
        CHECK(value.size() <= text.size());
      }
    }
  }
}

TEST_CASE("written with RFC 4180 quoting / any fields read back unchanged", "[csv]") {
  std::mt19937 random(4180);
  const char alphabet[] = {'x', ',', '"', '\n', '\r', ' ', ';'};
  for (int round = 0; round < 500; ++round) {
    std::vector<Fields> table;
    std::string text;
    const int rows = 1 + static_cast<int>(random() % 5);
    for (int r = 0; r < rows; ++r) {
      Fields fields;
      const int count = 1 + static_cast<int>(random() % 4);
      for (int f = 0; f < count; ++f) {
        std::string value;
        const int length = static_cast<int>(random() % 6);
        for (int i = 0; i < length; ++i) value += alphabet[random() % sizeof alphabet];
        fields.push_back(value);
        if (f > 0) text += ',';
        text += '"';
        for (const char c : value) {
          if (c == '"') text += '"';
          text += c;
        }
        text += '"';
      }
      text += random() % 2 == 0 ? "\n" : "\r\n";
      table.push_back(fields);
    }
    const auto read = read_all(text);
    REQUIRE(read.size() == table.size());
    for (std::size_t r = 0; r < table.size(); ++r) CHECK(read[r].fields == table[r]);
  }
}

TEST_CASE("printable keeps UTF-8 and shows control and invalid bytes as escapes", "[csv]") {
  CHECK(printable("Pr\xc3\xa9" "fixe") == "Pr\xc3\xa9" "fixe");
  CHECK(printable(std::string("a\0b\n", 4)) == "a\\x00b\\x0a");
  CHECK(printable("\xff\xc3") == "\\xff\\xc3");
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate is not UTF-8
  CHECK(printable(std::string(70, 'x')) == std::string(64, 'x') + "... (70 bytes)");
  CHECK(printable("abc\xc3\xa9", 4) == "abc... (5 bytes)");  // never cuts a character in two
}
