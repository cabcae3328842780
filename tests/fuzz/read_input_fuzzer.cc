// read_input_fuzzer.cc — detect_format + read_input (input_format.h), the path every input
// takes, on arbitrary bytes.
//
// Checks: detection is a pure function of the bytes and names a known format; every record
// round-trips; text formats report lines inside the input, JSON formats paths; whatever is
// detected as a list accounts for every line; forcing each format instead of the detected one
// never crashes and keeps the same location invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "ipplan/input_format.h"

using namespace ipplan;

namespace {

bool is_json(InputFormat format) {
  return format == InputFormat::kAzureVnets || format == InputFormat::kAzureServiceTags ||
         format == InputFormat::kNetboxJson;
}

void read_checked(InputFormat format, std::string_view bytes) {
  fuzz::CheckingSink sink;
  read_input(format, bytes, ReadOptions{}, sink);
  const std::uint32_t lines = fuzz::count_lines(bytes);
  for (const fuzz::Seen& seen : sink.events) {
    if (is_json(format)) {
      fuzz::require(!seen.json_path.empty(), "a JSON format reported a line");
    } else {
      fuzz::require(seen.json_path.empty(), "a text format reported a JSON path");
      // An error may point one past the last line (a quote still open at the end).
      fuzz::require(seen.line <= lines + 1, "a line number past the end of the input");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const InputFormat detected = detect_format(bytes);
  fuzz::require(detect_format(bytes) == detected, "detection is not deterministic");
  fuzz::require(parse_format_name(format_name(detected)) == detected, "an unnamed format");
  read_checked(detected, bytes);
  if (size > 0) {
    // The first byte picks a forced format, as `--input-format` would.
    const auto forced = static_cast<InputFormat>(data[0] % 8);
    if (forced != detected) read_checked(forced, bytes);
  }
  return 0;
}
