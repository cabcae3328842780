// input_format.h — the inventory formats of SPEC section 3, how they are recognised from
// content, and one entry point that reads any of them into a RecordSink.
//
// Detection looks only at the start of the input (the first JSON keys, the first CSV header) and
// is overridable with an explicit format. Every reader reports through the sink: records in input
// order, each rejected line or JSON element with its location, skipped content counted.
#pragma once

#include <optional>
#include <string_view>

#include "ipplan/record.h"

namespace ipplan {

enum class InputFormat : std::uint8_t {
  kList,              // one prefix, address or first-last range a line
  kCsv,               // generic CSV with a prefix-like column
  kNetboxCsv,         // NetBox prefix export (translated headers) or bulk-import layout
  kPhpipamCsv,        // phpIPAM subnet import layout or export workbook saved as CSV
  kInfobloxCsv,       // Infoblox header-network / header-networkcontainer / ... rows
  kAzureVnets,        // az network vnet list, Resource Graph or ARM JSON
  kAzureServiceTags,  // ServiceTags_Public.json
  kNetboxJson,        // NetBox REST pages or a Django dump
};

// The --input-format names: "list", "csv", "netbox-csv", ... and back.
std::string_view format_name(InputFormat format);
std::optional<InputFormat> parse_format_name(std::string_view name);

// Recognises the format from the input's content (SPEC section 3's table).
InputFormat detect_format(std::string_view bytes);

// Reads the whole input in `format` into `sink`.
void read_input(InputFormat format, std::string_view bytes, const ReadOptions& options,
                RecordSink& sink);

}  // namespace ipplan
