// service_tags_reader.cc — the `azure-servicetags` format: Microsoft's weekly
// ServiceTags_<cloud>.json, `{"changeNumber", "cloud", "values": [{"name", "id", "properties":
// {"region", "addressPrefixes": [...], ...}}]}`.
//
// Every prefix of every tag is a record with role container (Azure's own space, inside which
// Azure places what it hands out) and the tag's name as domain and label. The same prefix under
// several tags (`AzureCloud` and `AzureCloud.westeurope`) is several records, one per tag.
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

class ServiceTagsReader {
 public:
  explicit ServiceTagsReader(JsonReadContext& context) : context_(context) {}

  void read_root(element root) {
    object file;
    array tags;
    std::optional<element> values;
    if (root.get_object().get(file) == simdjson::SUCCESS) values = member(file, "values");
    if (!values) {
      context_.error(str_cat("expected an object with a \"values\" array of service tags "
                             "(ServiceTags_Public.json), found ",
                             json_internal::describe(root)));
      return;
    }
    PathScope scope(context_.path(), "values");
    if (!context_.get_array(*values, "an array of service tags", tags)) return;
    std::size_t index = 0;
    for (const element tag : tags) {
      PathScope item_scope(context_.path(), index++);
      if (!tag.is_null()) read_tag(tag);
    }
  }

 private:
  void read_tag(element value) {
    object tag;
    if (!context_.get_object(value, "a service tag object", tag)) return;
    // The tag's name is its domain: a tag whose name cannot be read is not read at all.
    std::string_view name;
    if (!context_.optional_string(tag, "name", name)) return;
    if (name.empty() && !context_.optional_string(tag, "id", name)) return;
    const std::optional<element> properties_value = member(tag, "properties");
    if (!properties_value) return;
    PathScope scope(context_.path(), "properties");
    object properties;
    if (!context_.get_object(*properties_value, "an object", properties)) return;
    const std::optional<element> list = member(properties, "addressPrefixes");
    if (!list) return;
    PathScope list_scope(context_.path(), "addressPrefixes");
    array prefixes;
    if (!context_.get_array(*list, "an array of prefixes", prefixes)) return;
    std::size_t index = 0;
    for (const element item : prefixes) {
      PathScope item_scope(context_.path(), index++);
      bool cleared = false;
      const std::optional<Prefix> prefix = context_.prefix(item, cleared);
      if (!prefix) continue;
      RawRecord record;
      record.range = *prefix;
      record.role = Role::kContainer;
      record.domain = name;
      record.label = name;
      record.host_bits_cleared = cleared;
      context_.emit(record);
    }
  }

  JsonReadContext& context_;
};

}  // namespace

void read_azure_service_tags(std::string_view bytes, const ReadOptions& options,
                             RecordSink& sink) {
  json_internal::JsonReadContext context(options, sink);
  ServiceTagsReader reader(context);
  json_internal::for_each_document(bytes, "document", context,
                                   [&](element root) { reader.read_root(root); });
}

}  // namespace ipplan
