// csv_reader.h — the CSV inventory formats: generic CSV, NetBox prefix CSV and phpIPAM subnet CSV.
//
// All follow RFC 4180 (quoted fields may hold delimiters, quotes and line breaks; a record's line
// is the line where it starts). The delimiter is detected from the header row (comma, semicolon,
// tab or pipe). Columns are found by header name (case, blanks and punctuation ignored), never by
// position. Every data row yields exactly one record, error or skip (a phpIPAM folder); blank
// rows are ignored. Generic and NetBox CSV are read in one pass with no allocation per row once
// the row buffers have grown; phpIPAM takes two passes (masters are known only at the end) and
// still emits records in input order.
#pragma once

#include <optional>
#include <string_view>

#include "ipplan/input_format.h"
#include "ipplan/record.h"

namespace ipplan {

// Which CSV flavour the header row looks like, or nullopt when it names no prefix-like column
// (then the input is a plain list) or when the input is Infoblox CSV (`header-...` first).
std::optional<InputFormat> detect_csv_flavor(std::string_view bytes);

// `format` is kCsv, kNetboxCsv or kPhpipamCsv (any other value reads as kCsv). A header with no
// prefix-like column is one error at the header's line naming the columns looked for.
void read_csv(InputFormat format, std::string_view bytes, const ReadOptions& options,
              RecordSink& sink);

}  // namespace ipplan
