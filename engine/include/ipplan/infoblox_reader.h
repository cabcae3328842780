// infoblox_reader.h — Infoblox CSV import/export files.
//
// Rows are typed by their first field: a `header-<type>` row (any case) names the columns of the
// following `<type>` rows; a file may switch headers midway, and a later header for a type
// replaces the earlier one. Column names lose their `*` (required-field) suffix and are compared
// without case. Networks and network containers (IPv4 `address*` + `netmask*`, IPv6 `address*` +
// `cidr*`) become records, containers with role container; `dhcprange` / `reservedrange` rows
// (`start_address*` + `end_address*`) become range records; rows of other object types are
// skipped through the sink, one note each. `network_view` is the namespace (`default` = global)
// and `comment` the label. Fields follow RFC 4180 (a quoted comment may span lines, and its
// continuation lines may start with `network,`: they are not rows); the separator is whatever
// follows the first `header-<type>` token (comma, semicolon, tab or space). A row whose type has
// no header yet, or whose header lacks a required column, is an error; rows shorter than their
// header are fine. One pass, no allocation per row once the row buffers have grown.
#pragma once

#include <string_view>

#include "ipplan/csv.h"
#include "ipplan/record.h"

namespace ipplan {

// True when the first non-blank line starts with `header-` (any case).
bool looks_like_infoblox(std::string_view bytes);

// The separator of an Infoblox file: whatever follows the first `header-<type>` token (comma,
// semicolon, tab or space), else comma.
CsvDialect detect_infoblox_dialect(std::string_view bytes);

void read_infoblox_csv(std::string_view bytes, const ReadOptions& options, RecordSink& sink);

}  // namespace ipplan
