// json_reader_fuzzer.cc — the JSON readers (json_readers.h) on arbitrary bytes. Built three
// times, IPPLAN_FUZZ_JSON_READER naming the reader: 1 azure-vnets, 2 azure-servicetags,
// 3 netbox-json.
//
// Checks: every record round-trips; JSON locations are paths from `$`; no two records come from
// one path; a document simdjson rejects is reported as an error; and in a single well-formed
// document every address-prefix string where the format keeps them is accounted for: a record
// or an error at its own path, at an enclosing element, or inside the item (VNet, tag, result)
// that holds it, which rejects what depends on it (json_readers.h). The
// expected places are found with simdjson's DOM, independently of the reader's walk.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "fuzz_support.h"
#include "ipplan/json_readers.h"

using namespace ipplan;

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// A JSON value that may be absent: simdjson's default element is no value at all.
struct Node {
  bool present = false;
  element value;
};

Node child(const Node& parent, std::string_view key) {
  Node found;
  object fields;
  if (!parent.present || parent.value.get_object().get(fields) != simdjson::SUCCESS) return found;
  found.present = fields[key].get(found.value) == simdjson::SUCCESS && !found.value.is_null();
  return found;
}

bool get_array(const Node& node, array& out) {
  return node.present && node.value.get_array().get(out) == simdjson::SUCCESS;
}

// Where a prefix string sits, and the item (VNet, tag, result) whose errors may reject it.
struct Place {
  std::string path;
  std::string owner;
};

// Used by the Azure VNet and service tag variants; the NetBox variant has one string per item.
[[maybe_unused]] void strings_in_array(const Node& node, const std::string& path,
                                       const std::string& owner, std::vector<Place>& out) {
  array items;
  if (!get_array(node, items)) return;
  std::size_t index = 0;
  for (element item : items) {
    if (item.is_string()) out.push_back({path + "[" + std::to_string(index) + "]", owner});
    ++index;
  }
}

#if IPPLAN_FUZZ_JSON_READER == 1
// `$[i].addressSpace.addressPrefixes[j]` and the ARM `properties.` form, for a bare array.
void azure_places(const Node& root, std::vector<Place>& out) {
  array vnets;
  if (!get_array(root, vnets)) return;
  std::size_t i = 0;
  for (element vnet : vnets) {
    const std::string base = "$[" + std::to_string(i++) + "]";
    Node space = child({true, vnet}, "addressSpace");
    std::string path = base + ".addressSpace";
    if (!space.present) {
      space = child(child({true, vnet}, "properties"), "addressSpace");
      path = base + ".properties.addressSpace";
    }
    strings_in_array(child(space, "addressPrefixes"), path + ".addressPrefixes", base, out);
  }
}

#elif IPPLAN_FUZZ_JSON_READER == 2
// `$.values[i].properties.addressPrefixes[j]`.
void service_tag_places(const Node& root, std::vector<Place>& out) {
  array values;
  if (!get_array(child(root, "values"), values)) return;
  std::size_t i = 0;
  for (element tag : values) {
    const std::string owner = "$.values[" + std::to_string(i++) + "]";
    strings_in_array(child(child({true, tag}, "properties"), "addressPrefixes"),
                     owner + ".properties.addressPrefixes", owner, out);
  }
}

#else
// `$.results[i].prefix` of one REST page.
void netbox_places(const Node& root, std::vector<Place>& out) {
  array results;
  if (!get_array(child(root, "results"), results)) return;
  std::size_t i = 0;
  for (element item : results) {
    const std::string owner = "$.results[" + std::to_string(i++) + "]";
    const Node prefix = child({true, item}, "prefix");
    if (prefix.present && prefix.value.is_string()) out.push_back({owner + ".prefix", owner});
  }
}

#endif

bool encloses(std::string_view outer, std::string_view inner) {
  if (inner.substr(0, outer.size()) != outer) return false;
  return inner.size() == outer.size() || inner[outer.size()] == '.' || inner[outer.size()] == '[';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)detect_json_format(bytes);
  fuzz::CheckingSink sink;
#if IPPLAN_FUZZ_JSON_READER == 1
  read_azure_vnets(bytes, ReadOptions{}, sink);
#elif IPPLAN_FUZZ_JSON_READER == 2
  read_azure_service_tags(bytes, ReadOptions{}, sink);
#else
  read_netbox_json(bytes, ReadOptions{}, sink);
#endif
  std::set<std::string> record_paths;
  std::vector<std::string> error_paths;
  for (const fuzz::Seen& seen : sink.events) {
    fuzz::require(!seen.json_path.empty(), "a JSON reader reported a line number");
    if (seen.event == fuzz::Event::kRecord) {
      fuzz::require(record_paths.insert(seen.json_path).second, "two records from one path:",
                    seen.json_path);
    } else if (seen.event == fuzz::Event::kError) {
      error_paths.push_back(seen.json_path);
    }
  }

  // The readers skip a UTF-8 byte order mark (Windows tools write one); simdjson does not.
  std::string_view json = bytes;
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  simdjson::dom::parser parser;
  element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) {
    // Concatenated documents are legal input; only a stream simdjson cannot read must fail.
    const simdjson::padded_string padded(json.data(), json.size());
    simdjson::dom::document_stream stream;
    // A batch as big as the input: simdjson's 1 MB default costs a megabyte of memset a run.
    const std::size_t batch = padded.size() < 4096 ? 4096 : padded.size();
    bool stream_ok = parser.parse_many(padded, batch).get(stream) == simdjson::SUCCESS;
    std::size_t documents = 0;
    if (stream_ok) {
      for (auto document : stream) {
        if (document.error() != simdjson::SUCCESS) {
          stream_ok = false;
          break;
        }
        ++documents;
      }
    }
    const bool blank = json.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if ((!stream_ok || documents == 0) && !blank) {
      fuzz::require(sink.errors > 0, "malformed JSON read without an error");
    }
    return 0;
  }
  std::vector<Place> places;
#if IPPLAN_FUZZ_JSON_READER == 1
  azure_places({true, root}, places);
#elif IPPLAN_FUZZ_JSON_READER == 2
  service_tag_places({true, root}, places);
#else
  netbox_places({true, root}, places);
#endif
  for (const Place& place : places) {
    if (record_paths.count(place.path) != 0) continue;
    bool rejected = false;
    for (const std::string& error : error_paths) {
      rejected = rejected || encloses(error, place.path) || encloses(place.owner, error);
    }
    fuzz::require(rejected, "an address prefix neither read nor rejected:", place.path);
  }
  return 0;
}
