// json_readers.h — the JSON inventory formats: Azure VNets, Azure service tags, NetBox JSON.
//
// Parsed with simdjson. Each record's location is its JSON path
// (`$.values[3].properties.addressPrefixes[7]`); a malformed document is one error at `$` naming
// what simdjson found wrong, and an element of the wrong type is an error at its own path.
// Absent keys and `null` are tolerated wherever the real exports leave them out.
#pragma once

#include <optional>
#include <string_view>

#include "ipplan/input_format.h"
#include "ipplan/record.h"

namespace ipplan {

// kAzureVnets, kAzureServiceTags or kNetboxJson when the document looks like one of them;
// nullopt when it is not JSON (first non-blank byte not `{` or `[`).
std::optional<InputFormat> detect_json_format(std::string_view bytes);

void read_azure_vnets(std::string_view bytes, const ReadOptions& options, RecordSink& sink);
void read_azure_service_tags(std::string_view bytes, const ReadOptions& options, RecordSink& sink);
void read_netbox_json(std::string_view bytes, const ReadOptions& options, RecordSink& sink);

}  // namespace ipplan
