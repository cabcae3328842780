// csv_reader.h — the CSV inventory formats: generic CSV, NetBox prefix CSV and phpIPAM subnet CSV.
//
// All follow RFC 4180 (quoted fields may hold delimiters, quotes and line breaks; a record's line
// is the line where it starts). The delimiter is detected from the header row (comma, semicolon
// or tab). Columns are found by header name, never by position.
#pragma once

#include <optional>
#include <string_view>

#include "ipplan/input_format.h"
#include "ipplan/record.h"

namespace ipplan {

// Which CSV flavour the header row looks like, or nullopt when it names no prefix-like column
// (then the input is a plain list).
std::optional<InputFormat> detect_csv_flavor(std::string_view bytes);

// `format` is kCsv, kNetboxCsv or kPhpipamCsv.
void read_csv(InputFormat format, std::string_view bytes, const ReadOptions& options,
              RecordSink& sink);

}  // namespace ipplan
