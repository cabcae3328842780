// json_support_test.cc — what every JSON reader shares: a malformed document is one error at
// its root with simdjson's message and the byte offset; hostile input never crashes; the
// malformed fixtures' `.expected` files hold exactly the lines `ipplan normalize` prints.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "collecting_sink.h"
#include "fixture_file.h"
#include "ipplan/json_readers.h"

using namespace ipplan;
using ipplan::testing::CollectingSink;
using ipplan::testing::read_fixture;

namespace {

using Reader = void (*)(std::string_view, const ReadOptions&, RecordSink&);
constexpr Reader kReaders[] = {read_azure_vnets, read_azure_service_tags, read_netbox_json};

CollectingSink read_with(Reader reader, std::string_view json) {
  CollectingSink sink;
  reader(json, ReadOptions{}, sink);
  return sink;
}

// The single error every reader gives for `json`, as "PATH: message".
std::string only_error(std::string_view json) {
  std::string first;
  for (const Reader reader : kReaders) {
    const CollectingSink sink = read_with(reader, json);
    CHECK(sink.records.empty());
    REQUIRE(sink.errors.size() == 1);
    const std::string line = sink.errors[0].where + ": " + sink.errors[0].text;
    if (first.empty()) first = line;
    CHECK(line == first);
  }
  return first;
}

Reader reader_for(std::string_view json) {
  switch (*detect_json_format(json)) {
    case InputFormat::kAzureServiceTags:
      return read_azure_service_tags;
    case InputFormat::kNetboxJson:
      return read_netbox_json;
    default:
      return read_azure_vnets;
  }
}

}  // namespace

TEST_CASE("malformed JSON: one error at $ / simdjson's message / the byte offset",
          "[json][malformed]") {
  const std::string structure =
      "The JSON document has an improper structure: missing or superfluous commas, braces, "
      "missing keys, etc.";
  CHECK(only_error(R"([{"name": "v", "addressSpace": {"addressPrefixes": ["10.0.0.0/16")") ==
        "$: malformed JSON at byte offset 65 (end of input, truncated?): " + structure);
  CHECK(only_error(R"({"a": "unterminated)") ==
        "$: malformed JSON at byte offset 19 (end of input, truncated?): A string is opened, but "
        "never closed.");
  CHECK(only_error(R"([{"a": [1,, 2]}])") == "$: malformed JSON at byte offset 10: " + structure);
  CHECK(only_error(R"({"a" 1})") == "$: malformed JSON at byte offset 5: " + structure);
  CHECK(only_error(R"([tru])") ==
        "$: malformed JSON at byte offset 1: Problem while parsing an atom starting with the "
        "letter 't'");
  CHECK(only_error(R"([01])") == "$: malformed JSON at byte offset 1: Problem while parsing a "
                                 "number");
  CHECK(only_error("") == "$: malformed JSON: Empty: no JSON found");
  CHECK(only_error(" \n ") == "$: malformed JSON: Empty: no JSON found");
}

TEST_CASE("malformed JSON: offsets count the byte order mark", "[json][malformed]") {
  CHECK(only_error("\xEF\xBB\xBF[1,,2]").find("$: malformed JSON at byte offset 6: ") == 0);
}

TEST_CASE("NUL bytes / control characters and invalid UTF-8 are located", "[json][malformed]") {
  CHECK(only_error(std::string("[\"10.0.0.0\0/8\"]", 15)) ==
        "$: malformed JSON at byte offset 10: Within strings, some characters must be escaped, we "
        "found unescaped characters");
  CHECK(only_error("[\"a\nb\"]").find("$: malformed JSON at byte offset 3: ") == 0);
  CHECK(only_error("[\"ok\", \"\xC3\x28\"]") ==
        "$: malformed JSON at byte offset 8: The input is not valid UTF-8");
  CHECK(only_error("[\"\xED\xA0\x80\"]").find("$: malformed JSON at byte offset 2: ") == 0);
  CHECK(only_error(std::string("[1,\0 2]", 7)).find("$: malformed JSON") == 0);
}

TEST_CASE("deep nesting is refused / not recursed into", "[json][malformed]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(only_error(deep) ==
        "$: malformed JSON: The JSON document was too deep (too many nested objects and arrays)");
  const std::string open = std::string(100000, '{') ;
  CHECK(only_error(open).find("$: malformed JSON") == 0);
}

TEST_CASE("a long document of many small elements reads in order", "[json][vnets]") {
  std::string json = "[";
  for (int i = 0; i < 20000; ++i) {
    json += i == 0 ? "" : ",";
    json += "{\"name\": \"v" + std::to_string(i) + "\", \"addressSpace\": {\"addressPrefixes\": "
            "[\"10." + std::to_string(i / 256 % 256) + "." + std::to_string(i % 256) +
            ".0/24\"]}}";
  }
  json += "]";
  const CollectingSink sink = read_with(read_azure_vnets, json);
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == 20000);
  CHECK(sink.records[19999].where == "$[19999].addressSpace.addressPrefixes[0]");
  CHECK(sink.records[19999].range == "10.78.31.0/24");
}

TEST_CASE("the malformed fixtures print exactly their .expected lines", "[json][malformed]") {
  for (const char* name :
       {"azure-vnets-truncated.json", "azure-vnets-wrong-types.json",
        "azure-vnets-syntax-error.json", "servicetags-wrong-shape.json",
        "netbox-pages-errors.json", "netbox-dump-errors.json"}) {
    const std::string input_name = std::string("malformed/") + name;
    INFO(input_name);
    const std::string json = read_fixture(input_name);
    REQUIRE_FALSE(json.empty());
    // What `ipplan normalize` prints: Location::describe(input) + ": " + message, per error.
    class Printer : public RecordSink {
     public:
      explicit Printer(std::string input) : input_(std::move(input)) {}
      std::string lines;
      std::size_t warnings = 0;
      void record(const RawRecord&) override {}
      void error(const Location& where, std::string message) override {
        lines += where.describe(input_) + ": " + message + "\n";
      }
      void warning(const Location&, std::string) override { ++warnings; }
      void skipped(const Location&, std::string_view) override {}

     private:
      std::string input_;
    } printer(input_name);
    reader_for(json)(json, ReadOptions{}, printer);
    CHECK(printer.lines == read_fixture(input_name + ".expected"));
    CHECK(printer.warnings == 0);  // the .expected files hold errors only
  }
}

TEST_CASE("mangled fixtures never crash a reader", "[json][malformed][fuzz]") {
  const std::vector<std::string> seeds = {
      read_fixture("azure-vnets.json"), read_fixture("azure-vnets-arm.json"),
      read_fixture("servicetags-excerpt.json"), read_fixture("netbox-api-prefixes.json"),
      read_fixture("malformed/netbox-dump-errors.json")};
  std::mt19937 random(20240611);
  const char kBytes[] = {'{', '}', '[', ']', '"', ',', ':', '\\', '\0', '\xff', '1', 'n', ' '};
  std::size_t outcomes = 0;
  for (int round = 0; round < 600; ++round) {
    std::string json = seeds[round % seeds.size()];
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !json.empty(); ++e) {
      const std::size_t at = random() % json.size();
      switch (random() % 4) {
        case 0:
          json[at] = kBytes[random() % sizeof kBytes];
          break;
        case 1:
          json.erase(at, 1 + random() % 16);
          break;
        case 2:
          json.resize(at);
          break;
        default:
          json.insert(at, 1, kBytes[random() % sizeof kBytes]);
          break;
      }
    }
    (void)detect_json_format(json);
    for (const Reader reader : kReaders) {
      const CollectingSink sink = read_with(reader, json);
      // Every input gives something: records, errors or (for an empty list) nothing at all.
      outcomes += sink.records.size() + sink.errors.size();
      for (const auto& e : sink.errors) CHECK(e.where.rfind("$", 0) == 0);
    }
  }
  CHECK(outcomes > 0);
}
