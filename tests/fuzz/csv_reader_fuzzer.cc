// csv_reader_fuzzer.cc — generic, NetBox and phpIPAM CSV (csv_reader.h) on arbitrary bytes.
//
// Each input is read in all three flavours. Checks: every record round-trips; the header is the
// first row that is not blank; when the header names no prefix column (or is malformed) the
// whole input is exactly one error at the header's line; otherwise every data row yields exactly
// one record, error or skip at the line where it starts, and every malformed row one error at
// the line of its bad quote, in input order. The rows are found with the RFC 4180 row reader of
// csv.h, which has its own tests; the reader under test only decides what each row becomes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "ipplan/csv.h"
#include "ipplan/csv_reader.h"

using namespace ipplan;

namespace {

struct Expected {
  std::optional<std::uint32_t> header_line;  // where a rejected header is reported
  std::vector<std::uint32_t> data_lines;     // one event each, in order
};

Expected expected_events(std::string_view bytes) {
  Expected expected;
  CsvReader reader(bytes, detect_csv_dialect(bytes));
  CsvRow row;
  bool header_seen = false;
  while (reader.next(row)) {
    if (!header_seen) {
      if (row.ok() && row.blank()) continue;
      header_seen = true;
      expected.header_line = row.ok() ? row.line() : row.error_line();
      continue;
    }
    if (!row.ok()) {
      expected.data_lines.push_back(row.error_line());
    } else if (!row.blank()) {
      expected.data_lines.push_back(row.line());
    }
  }
  return expected;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::optional<InputFormat> detected = detect_csv_flavor(bytes);
  if (detected) {
    fuzz::require(*detected == InputFormat::kCsv || *detected == InputFormat::kNetboxCsv ||
                      *detected == InputFormat::kPhpipamCsv,
                  "detect_csv_flavor returned a non-CSV format");
  }
  const Expected expected = expected_events(bytes);
  for (const InputFormat format :
       {InputFormat::kCsv, InputFormat::kNetboxCsv, InputFormat::kPhpipamCsv}) {
    fuzz::CheckingSink sink;
    read_csv(format, bytes, ReadOptions{}, sink);
    const std::vector<std::uint32_t> lines = sink.accounted_lines();
    if (!expected.header_line) {
      fuzz::require(sink.events.empty(), "events from an input without a header row");
      continue;
    }
    const bool header_rejected =
        sink.records == 0 && sink.errors == 1 && lines.size() == 1 && lines[0] == *expected.header_line;
    if (header_rejected && expected.data_lines != lines) continue;
    fuzz::require(lines == expected.data_lines,
                  "data rows and reported rows differ (dropped or doubled a row)");
    if (detected && *detected == format) {
      fuzz::require(!header_rejected || expected.data_lines == lines,
                    "a detected CSV flavour rejected its own header");
    }
  }
  return 0;
}
