// list_reader.h — the `list` input format: one prefix, address or `first-last` range a line.
//
// Line grammar (SPEC sections 2 and 3): whitespace (spaces, tabs) around the value is ignored;
// `#` or `;` at the start of a line or after whitespace begins a comment; blank and comment-only
// lines are skipped; CRLF endings and a UTF-8 byte order mark at the start of the input are
// tolerated. Anything else after the value is an error. Every line yields exactly one callback:
// an entry, an error, or nothing for a blank/comment line, in line order, so no record is ever
// silently lost. Reading is a single pass over the bytes with no allocation except the text of
// error messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "ipplan/parse.h"
#include "ipplan/range.h"

namespace ipplan {

struct ListEntry {
  std::uint32_t line = 0;  // 1-based
  Range range;
  bool host_bits_cleared = false;  // only with HostBits::kTruncate: worth a warning
};

struct LineError {
  std::uint32_t line = 0;
  std::string message;  // without the `PATH:LINE: ` prefix
};

struct ListReadCounts {
  std::uint64_t lines = 0;
  std::uint64_t entries = 0;
  std::uint64_t errors = 0;
};

ListReadCounts read_list(std::string_view text, HostBits host_bits,
                         absl::FunctionRef<void(const ListEntry&)> on_entry,
                         absl::FunctionRef<void(const LineError&)> on_error);

}  // namespace ipplan
