// input_format.cc — format names, content detection and dispatch to the readers.
#include "ipplan/input_format.h"

#include <array>
#include <utility>

#include "ipplan/csv_reader.h"
#include "ipplan/infoblox_reader.h"
#include "ipplan/json_readers.h"
#include "ipplan/list_reader.h"
#include "ipplan/parse.h"

namespace ipplan {
namespace {

constexpr std::array<std::pair<InputFormat, std::string_view>, 8> kNames{{
    {InputFormat::kList, "list"},
    {InputFormat::kCsv, "csv"},
    {InputFormat::kNetboxCsv, "netbox-csv"},
    {InputFormat::kPhpipamCsv, "phpipam-csv"},
    {InputFormat::kInfobloxCsv, "infoblox-csv"},
    {InputFormat::kAzureVnets, "azure-vnets"},
    {InputFormat::kAzureServiceTags, "azure-servicetags"},
    {InputFormat::kNetboxJson, "netbox-json"},
}};

// The first line that is not blank or a comment, without a leading byte order mark.
std::string_view first_meaningful_line(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (!bytes.empty()) {
    const std::size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string_view::npos || line[start] == '#' || line[start] == ';') continue;
    return line.substr(start);
  }
  return {};
}

// A delimited first line whose first field is no address is a header, even one that names no
// column we know: reading it as CSV says "no prefix column" instead of an error on every line.
bool looks_like_csv_header(std::string_view bytes) {
  const std::string_view line = first_meaningful_line(bytes);
  const std::size_t delimiter = line.find_first_of(",;\t");
  if (delimiter == std::string_view::npos) return false;
  std::string_view first_field = line.substr(0, delimiter);
  while (!first_field.empty() && (first_field.back() == ' ' || first_field.back() == '"')) {
    first_field.remove_suffix(1);
  }
  while (!first_field.empty() && first_field.front() == '"') first_field.remove_prefix(1);
  return !parse_range(first_field, HostBits::kTruncate).ok();
}

}  // namespace

std::string_view format_name(InputFormat format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) return name;
  }
  return "list";
}

std::optional<InputFormat> parse_format_name(std::string_view name) {
  for (const auto& [f, n] : kNames) {
    if (n == name) return f;
  }
  return std::nullopt;
}

InputFormat detect_format(std::string_view bytes) {
  if (const auto json = detect_json_format(bytes)) return *json;
  if (looks_like_infoblox(bytes)) return InputFormat::kInfobloxCsv;
  if (const auto csv = detect_csv_flavor(bytes)) return *csv;
  if (looks_like_csv_header(bytes)) return InputFormat::kCsv;
  return InputFormat::kList;
}

void read_input(InputFormat format, std::string_view bytes, const ReadOptions& options,
                RecordSink& sink) {
  switch (format) {
    case InputFormat::kList: return read_list(bytes, options, sink);
    case InputFormat::kCsv:
    case InputFormat::kNetboxCsv:
    case InputFormat::kPhpipamCsv: return read_csv(format, bytes, options, sink);
    case InputFormat::kInfobloxCsv: return read_infoblox_csv(bytes, options, sink);
    case InputFormat::kAzureVnets: return read_azure_vnets(bytes, options, sink);
    case InputFormat::kAzureServiceTags: return read_azure_service_tags(bytes, options, sink);
    case InputFormat::kNetboxJson: return read_netbox_json(bytes, options, sink);
  }
}

}  // namespace ipplan
