// infoblox_reader.h — Infoblox CSV import/export files.
//
// Rows are typed by their first field: a `header-<type>` row (any case) names the columns of the
// following `<type>` rows; a file may switch headers midway. Networks and network containers
// (IPv4 `address*` + `netmask*`, IPv6 `address*` + `cidr*`) become records, containers with role
// container; `dhcprange` / `reservedrange` rows become range records; other object types are
// skipped and counted. `network_view` is the namespace (`default` = global).
#pragma once

#include <string_view>

#include "ipplan/record.h"

namespace ipplan {

// True when the first non-blank line starts with `header-` (any case).
bool looks_like_infoblox(std::string_view bytes);

void read_infoblox_csv(std::string_view bytes, const ReadOptions& options, RecordSink& sink);

}  // namespace ipplan
