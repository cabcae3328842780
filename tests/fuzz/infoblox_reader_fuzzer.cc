// infoblox_reader_fuzzer.cc — Infoblox CSV (infoblox_reader.h) on arbitrary bytes.
//
// Checks: every record round-trips; a `header-<type>` row yields nothing or one error at its
// line; every other non-blank row yields exactly one record, error or skip at its line; a
// malformed row one error at the line of its bad quote; all in input order. Rows are found with
// csv.h's RFC 4180 reader and detect_infoblox_dialect; the reader decides what each becomes.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "ipplan/csv.h"
#include "ipplan/infoblox_reader.h"

using namespace ipplan;

namespace {

// Blanks around a field are spaces and tabs (infoblox_reader.h: like every CSV reader here).
std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool starts_with_header(std::string_view text) {
  constexpr std::string_view kHeader = "header-";
  if (text.size() < kHeader.size()) return false;
  for (std::size_t i = 0; i < kHeader.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kHeader[i]) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)looks_like_infoblox(bytes);
  fuzz::CheckingSink sink;
  read_infoblox_csv(bytes, ReadOptions{}, sink);
  const std::vector<std::uint32_t> lines = sink.accounted_lines();

  CsvReader reader(bytes, detect_infoblox_dialect(bytes));
  CsvRow row;
  std::size_t at = 0;
  while (reader.next(row)) {
    if (!row.ok()) {
      fuzz::require(at < lines.size() && lines[at] == row.error_line(),
                    "a malformed row without its error");
      ++at;
      continue;
    }
    if (row.blank()) continue;
    const bool header = starts_with_header(trim(row.value(0)));
    if (at < lines.size() && lines[at] == row.line()) {
      ++at;
    } else {
      fuzz::require(header, "a data row without its record, error or skip");
    }
  }
  fuzz::require(at == lines.size(), "events for rows that do not exist (or out of order)");
  return 0;
}
