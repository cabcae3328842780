// json_detect.cc — which JSON inventory format a document is, from the keys at its start.
//
// A shallow scan, not a parse: it skips strings and counts nesting, and looks only at the keys
// of the root object (or of the root array's first element) until one of them decides. A VNet
// export decides on its first keys (`addressSpace` comes first in `az` output, `properties`
// early in ARM), so a large file is not read to its end.
#include <optional>
#include <string_view>

#include "ipplan/json_readers.h"

namespace ipplan {
namespace {

constexpr bool is_json_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// What one key says about the format, at the level where it was seen.
std::optional<InputFormat> classify_root_key(std::string_view key) {
  if (key == "values" || key == "changeNumber" || key == "cloud") {
    return InputFormat::kAzureServiceTags;
  }
  if (key == "results" || key == "prefix" || key == "start_address") return InputFormat::kNetboxJson;
  // `value` (ARM list), `data` (Resource Graph), or one VNet (`az network vnet show`, ARM GET).
  if (key == "value" || key == "data" || key == "addressSpace" || key == "subnets" ||
      key == "properties" || key == "virtualNetworkPeerings") {
    return InputFormat::kAzureVnets;
  }
  return std::nullopt;
}

std::optional<InputFormat> classify_element_key(std::string_view key) {
  // A Django dump entry, a REST page in an array of pages, or a bare prefix/range item.
  if (key == "model" || key == "fields" || key == "results" || key == "prefix" ||
      key == "start_address") {
    return InputFormat::kNetboxJson;
  }
  if (key == "addressSpace" || key == "subnets" || key == "properties" ||
      key == "virtualNetworkPeerings") {
    return InputFormat::kAzureVnets;
  }
  return std::nullopt;
}

}  // namespace

std::optional<InputFormat> detect_json_format(std::string_view bytes) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    bytes.remove_prefix(kByteOrderMark.size());
  }
  std::size_t i = 0;
  while (i < bytes.size() && is_json_blank(bytes[i])) ++i;
  if (i == bytes.size() || (bytes[i] != '{' && bytes[i] != '[')) return std::nullopt;
  const bool root_is_array = bytes[i] == '[';
  // Keys of interest sit at depth 1 (root object) or 2 (first element of the root array).
  const std::size_t key_depth = root_is_array ? 2 : 1;
  std::size_t depth = 0;
  // Anything undecided is read as VNets: their reader explains which shapes it expected.
  constexpr InputFormat kFallback = InputFormat::kAzureVnets;
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (c == '"') {
      const std::size_t start = ++i;
      while (i < bytes.size() && bytes[i] != '"') i += bytes[i] == '\\' ? 2 : 1;
      if (i >= bytes.size()) return kFallback;
      const std::string_view text = bytes.substr(start, i - start);
      ++i;
      if (depth != key_depth) continue;
      std::size_t next = i;
      while (next < bytes.size() && is_json_blank(bytes[next])) ++next;
      if (next == bytes.size() || bytes[next] != ':') continue;  // a value, not a key
      const auto format = root_is_array ? classify_element_key(text) : classify_root_key(text);
      if (format) return format;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      // The root array's first element must be an object for its keys to say anything.
      if (root_is_array && depth == 2 && c != '{') return kFallback;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return kFallback;
      --depth;
      // End of the root object, or of the root array's first element (or of an empty array).
      if (depth + 1 == key_depth || depth == 0) return kFallback;
    } else if (root_is_array && depth == 1 && !is_json_blank(c) && c != ',') {
      return kFallback;  // a scalar first element
    }
    ++i;
  }
  return kFallback;
}

}  // namespace ipplan
