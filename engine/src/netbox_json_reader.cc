// netbox_json_reader.cc — the `netbox-json` format: REST API pages and Django dumps.
//
// Accepted shapes:
// - a REST page `{"count", "next", "previous", "results": [...]}` of `/api/ipam/prefixes/` or
//   `/api/ipam/ip-ranges/`; several pages concatenated in one file (paths `$[page N]...`, N from
//   1); an array of pages; an array of bare items; one bare item;
// - a Django dump (`manage.py dumpdata`, NetBox's demo data): an array of `{"model", "pk",
//   "fields"}` where `ipam.prefix` and `ipam.iprange` entries are records and every other model
//   is skipped, with one note per model naming how many entries it had.
//
// An item with `prefix` is a prefix record; one with `start_address`/`end_address` is a range
// record (NetBox writes range ends with the prefix length, `10.0.0.10/24`: the length is
// dropped). The role is container when the status says so (`"container"`, `0` from NetBox before
// 2.6, or `{"value": ..., "label": "Container"}`). The namespace is the VRF's name: a REST VRF
// object's `name`; a VRF id resolved through the dump's own `ipam.vrf` entries, else `vrf:<id>`.
// The label is the description. A field of the wrong type rejects its item.
#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/json_readers.h"
#include "ipplan/strings.h"
#include "json_support.h"

namespace ipplan {
namespace {

using json_internal::array;
using json_internal::element;
using json_internal::JsonReadContext;
using json_internal::member;
using json_internal::object;
using json_internal::PathScope;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    return lower(x) == lower(y);
  });
}

// A status value (slug or pre-2.6 integer) that means container.
bool is_container_value(element value) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) {
    return equals_ignoring_case(text, "container") || text == "0";
  }
  std::int64_t number = -1;
  if (value.get_int64().get(number) == simdjson::SUCCESS) return number == 0;
  return false;
}

enum class ItemKind { kPrefix, kRange };

class NetboxReader {
 public:
  explicit NetboxReader(JsonReadContext& context) : context_(context) {}

  void read_root(element root) {
    array list;
    if (root.get_array().get(list) == simdjson::SUCCESS) {
      read_array(list);
      return;
    }
    object single;
    if (root.get_object().get(single) == simdjson::SUCCESS && read_page_or_item(single)) return;
    context_.error(str_cat("expected a NetBox REST page ({\"results\": [...]}), an array of pages "
                           "or a Django dump array ([{\"model\": ..., \"fields\": ...}]), found ",
                           json_internal::describe(root)));
  }

 private:
  struct Vrf {
    std::int64_t id;
    std::string_view name;
    friend bool operator<(const Vrf& a, const Vrf& b) { return a.id < b.id; }
  };
  struct SkippedModel {
    std::string model;
    std::string first_path;
    std::size_t count;
  };

  // A page or a bare item; false when `value` is neither (the caller reports it).
  bool read_page_or_item(object value) {
    if (value.at_key("results").error() != simdjson::NO_SUCH_FIELD) {
      read_page(value);
      return true;
    }
    if (const auto kind = item_kind(value)) {
      read_item(value, *kind);
      return true;
    }
    return false;
  }

  static std::optional<ItemKind> item_kind(object item) {
    if (item.at_key("prefix").error() != simdjson::NO_SUCH_FIELD) return ItemKind::kPrefix;
    if (item.at_key("start_address").error() != simdjson::NO_SUCH_FIELD ||
        item.at_key("end_address").error() != simdjson::NO_SUCH_FIELD) {
      return ItemKind::kRange;
    }
    return std::nullopt;
  }

  void read_page(object page) {
    const std::optional<element> results = member(page, "results");
    if (!results) return;
    PathScope scope(context_.path(), "results");
    array items;
    if (!context_.get_array(*results, "an array of prefixes or IP ranges", items)) return;
    std::size_t index = 0;
    for (const element value : items) {
      PathScope item_scope(context_.path(), index++);
      if (value.is_null()) continue;
      object item;
      if (!context_.get_object(value, "a NetBox prefix or IP range object", item)) continue;
      const std::optional<ItemKind> kind = item_kind(item);
      if (!kind) {
        context_.error("no \"prefix\" and no \"start_address\"/\"end_address\" in this item");
        continue;
      }
      read_item(item, *kind);
    }
  }

  void read_array(array list) {
    collect_vrfs(list);
    skipped_models_.clear();
    std::size_t index = 0;
    for (const element value : list) {
      PathScope scope(context_.path(), index++);
      if (value.is_null()) continue;
      object entry;
      if (value.get_object().get(entry) == simdjson::SUCCESS) {
        if (entry.at_key("model").error() != simdjson::NO_SUCH_FIELD) {
          read_dump_entry(entry);
          continue;
        }
        if (read_page_or_item(entry)) continue;
      }
      context_.error(str_cat("expected a NetBox REST page, prefix or IP range object, or a dump "
                             "entry ({\"model\": ..., \"fields\": ...}), found ",
                             json_internal::describe(value)));
    }
    report_skipped_models();
  }

  // A dump's entries may name VRFs listed after them: their names are collected first.
  void collect_vrfs(array list) {
    vrfs_.clear();
    for (const element value : list) {
      object entry;
      object fields;
      std::string_view model;
      std::int64_t id = 0;
      std::string_view name;
      if (value.get_object().get(entry) != simdjson::SUCCESS ||
          entry["model"].get_string().get(model) != simdjson::SUCCESS || model != "ipam.vrf" ||
          entry["pk"].get_int64().get(id) != simdjson::SUCCESS ||
          entry["fields"].get_object().get(fields) != simdjson::SUCCESS ||
          fields["name"].get_string().get(name) != simdjson::SUCCESS) {
        continue;
      }
      vrfs_.push_back({id, name});
    }
    std::stable_sort(vrfs_.begin(), vrfs_.end());
  }

  void read_dump_entry(object entry) {
    std::string_view model;
    if (!context_.optional_string(entry, "model", model)) return;
    ItemKind kind;
    if (model == "ipam.prefix") {
      kind = ItemKind::kPrefix;
    } else if (model == "ipam.iprange") {
      kind = ItemKind::kRange;
    } else {
      count_skipped(model);
      return;
    }
    const std::optional<element> fields_value = member(entry, "fields");
    object fields;
    if (!fields_value) {
      context_.error(str_cat("no \"fields\" in this ", model, " entry"));
      return;
    }
    PathScope scope(context_.path(), "fields");
    if (!context_.get_object(*fields_value, "an object", fields)) return;
    read_item(fields, kind);
  }

  void count_skipped(std::string_view model) {
    for (SkippedModel& skipped : skipped_models_) {
      if (skipped.model == model) {
        ++skipped.count;
        return;
      }
    }
    skipped_models_.push_back({std::string(model), std::string(context_.path().view()), 1});
  }

  // One note per model, located at its first entry, once the whole array has been read.
  void report_skipped_models() {
    if (skipped_models_.empty()) return;
    const std::string root(context_.path().view());
    for (const SkippedModel& skipped : skipped_models_) {
      context_.path().reset(skipped.first_path);
      context_.skipped(str_cat(skipped.count, " dump ", skipped.count == 1 ? "entry" : "entries",
                               " of model ", json_internal::quote(skipped.model),
                               " (not a prefix or IP range)"));
    }
    context_.path().reset(root);
  }

  void read_item(object item, ItemKind kind) {
    RawRecord record;
    if (!read_status(item, record.role) || !read_vrf(item, record.namespace_name) ||
        !context_.optional_string(item, "description", record.label)) {
      return;
    }
    if (kind == ItemKind::kPrefix) {
      const std::optional<element> value = member(item, "prefix");
      if (!value) {
        context_.error("no \"prefix\" in this prefix object");
        return;
      }
      PathScope scope(context_.path(), "prefix");
      const std::optional<Prefix> prefix = context_.prefix(*value, record.host_bits_cleared);
      if (!prefix) return;
      record.range = *prefix;
      context_.emit(record);
      return;
    }
    const std::optional<element> start_value = member(item, "start_address");
    const std::optional<element> end_value = member(item, "end_address");
    if (!start_value || !end_value) {
      context_.error("an IP range needs both \"start_address\" and \"end_address\"");
      return;
    }
    std::optional<Address> start;
    std::optional<Address> end;
    {
      PathScope scope(context_.path(), "start_address");
      start = context_.address(*start_value, /*with_mask=*/true);
    }
    {
      PathScope scope(context_.path(), "end_address");
      end = context_.address(*end_value, /*with_mask=*/true);
    }
    if (!start || !end) return;
    const std::optional<Range> range = Range::make(*start, *end);
    if (!range) {
      const ParseError problem{start->family() != end->family()
                                   ? ParseErrorKind::kRangeFamilyMismatch
                                   : ParseErrorKind::kRangeReversed,
                               0};
      context_.error(str_cat("invalid range ",
                             json_internal::quote(str_cat(to_string(*start), "-", to_string(*end))),
                             ": ", problem.reason()));
      return;
    }
    record.range = *range;
    context_.emit(record);
  }

  bool read_status(object item, Role& role) {
    role = Role::kAssigned;
    const std::optional<element> status = member(item, "status");
    if (!status) return true;
    PathScope scope(context_.path(), "status");
    object choice;
    if (status->get_object().get(choice) == simdjson::SUCCESS) {
      std::string_view label;
      if (const auto value = member(choice, "value"); value && is_container_value(*value)) {
        role = Role::kContainer;
      } else if (choice["label"].get_string().get(label) == simdjson::SUCCESS &&
                 equals_ignoring_case(label, "container")) {
        role = Role::kContainer;
      }
      return true;
    }
    if (status->is_string() || status->is_number()) {
      if (is_container_value(*status)) role = Role::kContainer;
      return true;
    }
    context_.error(str_cat("expected a status string or {\"value\", \"label\"} object, found ",
                           json_internal::describe(*status)));
    return false;
  }

  bool read_vrf(object item, std::string_view& name) {
    name = {};
    const std::optional<element> vrf = member(item, "vrf");
    if (!vrf) return true;
    PathScope scope(context_.path(), "vrf");
    if (vrf->get_string().get(name) == simdjson::SUCCESS) return true;  // bulk-import style
    object nested;
    if (vrf->get_object().get(nested) == simdjson::SUCCESS) {
      if (!context_.optional_string(nested, "name", name)) return false;
      if (!name.empty()) return true;
      const std::optional<element> id = member(nested, "id");
      if (!id) return true;  // an empty VRF object: the global table
      PathScope id_scope(context_.path(), "id");
      return resolve_vrf_id(*id, name);
    }
    return resolve_vrf_id(*vrf, name);
  }

  bool resolve_vrf_id(element value, std::string_view& name) {
    std::int64_t id = 0;
    if (value.get_int64().get(id) != simdjson::SUCCESS) {
      context_.error(str_cat("expected a VRF name, id or object, found ",
                             json_internal::describe(value)));
      return false;
    }
    const auto found = std::lower_bound(vrfs_.begin(), vrfs_.end(), Vrf{id, {}});
    if (found != vrfs_.end() && found->id == id) {
      name = found->name;
      return true;
    }
    char digits[24];
    char* digits_end = std::to_chars(digits, digits + sizeof digits, id).ptr;
    vrf_scratch_.assign("vrf:");
    vrf_scratch_.append(digits, digits_end);
    name = vrf_scratch_;
    return true;
  }

  JsonReadContext& context_;
  std::vector<Vrf> vrfs_;
  std::vector<SkippedModel> skipped_models_;
  std::string vrf_scratch_;  // reused: "vrf:<id>" for an id no ipam.vrf entry names
};

}  // namespace

void read_netbox_json(std::string_view bytes, const ReadOptions& options, RecordSink& sink) {
  json_internal::JsonReadContext context(options, sink);
  NetboxReader reader(context);
  json_internal::for_each_document(bytes, "page", context,
                                   [&](element root) { reader.read_root(root); });
}

}  // namespace ipplan
