// list_reader_fuzzer.cc — the `list` format (list_reader.h) on arbitrary bytes.
//
// Checks: every record round-trips; every line that is not blank or a comment yields exactly one
// record or error, at its own line, in line order (no silent drop, no double report); blank and
// comment lines yield nothing. The expected lines come from a separate, simple reading of the
// grammar in SPEC 2-3, not from the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "ipplan/list_reader.h"

using namespace ipplan;

namespace {

// Lines that must yield one record or one error.
std::vector<std::uint32_t> value_lines(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::vector<std::uint32_t> lines;
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#' || line[first] == ';') continue;
    lines.push_back(number);
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const HostBits host_bits : {HostBits::kReject, HostBits::kTruncate}) {
    fuzz::CheckingSink sink;
    read_list(bytes, ReadOptions{host_bits}, sink);
    fuzz::require(sink.warnings == 0 && sink.skips == 0, "the list reader warned or skipped");
    fuzz::require(sink.accounted_lines() == value_lines(bytes),
                  "value lines and reported lines differ (dropped or doubled a line)");
  }
  return 0;
}
