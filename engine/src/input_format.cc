// input_format.cc — format names, content detection and dispatch to the readers.
#include "ipplan/input_format.h"

#include <array>
#include <utility>

#include "ipplan/csv_reader.h"
#include "ipplan/infoblox_reader.h"
#include "ipplan/json_readers.h"
#include "ipplan/list_reader.h"

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
