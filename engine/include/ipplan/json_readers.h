// json_readers.h — the JSON inventory formats: Azure VNets, Azure service tags, NetBox JSON.
//
// Parsed with simdjson. Each record's location is its JSON path
// (`$.values[3].properties.addressPrefixes[7]`); a malformed document is one error at `$` naming
// what simdjson found wrong and, when it can be found, the byte offset (`malformed JSON at byte
// offset 1025 (end of input, truncated?): ...`); an element of the wrong type is an error at its
// own path and rejects what depends on it (a VNet whose name is a number, a NetBox item whose
// status is an array), while reading goes on. Absent keys and `null` are tolerated wherever the
// real exports leave them out.
//
// Several documents concatenated in one file (NetBox pages fetched one after another, one `az`
// call per subscription appended) are read in order; their paths start with `$[page N]`
// (netbox-json) or `$[document N]` (the Azure formats), N counted from 1.
//
// Cost: the input is copied once into simdjson's padded buffer and parsed once (DOM); records
// are handed on with string_views into that document and into reused scratch buffers, so a
// record costs no allocation. Detection scans only the first keys, without parsing.
#pragma once

#include <optional>
#include <string_view>

#include "ipplan/input_format.h"
#include "ipplan/record.h"

namespace ipplan {

// kAzureVnets, kAzureServiceTags or kNetboxJson when the document looks like one of them;
// nullopt when it is not JSON (first non-blank byte not `{` or `[`).
std::optional<InputFormat> detect_json_format(std::string_view bytes);

// `az network vnet list` (flattened), ARM / Resource Graph (`properties`, `{"value": [...]}`,
// `{"data": [...]}`) or one VNet object. VNet prefixes, then each subnet's prefixes with
// `parent` = the ordinal of the smallest VNet prefix holding them; domain = the lower-cased
// VNet id (else `resourcegroup/name`), shown by name; the Azure lint of SPEC section 4 as
// warnings.
void read_azure_vnets(std::string_view bytes, const ReadOptions& options, RecordSink& sink);
// ServiceTags_*.json: every prefix a container, domain and label the tag's name.
void read_azure_service_tags(std::string_view bytes, const ReadOptions& options, RecordSink& sink);
// NetBox REST pages (one, concatenated, an array of them, or bare items; prefixes and IP ranges)
// and Django dumps (`ipam.prefix`, `ipam.iprange`; VRF ids resolved through the dump's
// `ipam.vrf` entries, else `vrf:<id>`; one skipped note per other model).
void read_netbox_json(std::string_view bytes, const ReadOptions& options, RecordSink& sink);

}  // namespace ipplan
