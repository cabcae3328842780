// azure_vnets_reader.cc — the `azure-vnets` format: `az network vnet list` (keys flattened to
// the top level), ARM REST and Resource Graph (keys under `properties`), bare or wrapped in
// `{"value": [...]}` / `{"data": [...]}`, or a single VNet object (`az network vnet show`).
//
// Records, in input order per VNet: its address prefixes (role assigned), then each subnet's
// prefixes, `addressPrefix` and `addressPrefixes` united (each prefix once). All of a VNet's
// records share its domain: the lower-cased resource id (Azure compares ids case-insensitively),
// else `resourcegroup/name`, shown by the VNet's name. A subnet prefix's parent is the smallest
// address prefix of its VNet that holds it. Peerings' address spaces are someone else's VNets
// (or copies of this one) and are never read.
//
// The Azure lint (SPEC section 4) comes out as warnings at the element's path: a subnet outside
// its VNet's address space, an IPv4 subnet smaller than /29, address space Azure refuses.
#include <array>
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

struct ForbiddenRange {
  Prefix prefix;
  std::string_view why;
};

// Ranges Azure refuses in a VNet's address space ("What address ranges can I use in my VNets?").
constexpr std::array<ForbiddenRange, 5> kForbiddenRanges = {{
    {Prefix::containing(Address::v4(0xE0000000U), 4), "multicast"},
    {Prefix::containing(Address::v4(0xFFFFFFFFU), 32), "broadcast"},
    {Prefix::containing(Address::v4(0x7F000000U), 8), "loopback"},
    {Prefix::containing(Address::v4(0xA9FE0000U), 16), "link-local"},
    {Prefix::containing(Address::v4(0xA83F8110U), 32), "Azure's virtual public IP for DNS and health probes"},
}};

// The smallest IPv4 subnet Azure creates (5 addresses of each subnet are Azure's).
constexpr int kLongestIPv4Subnet = 29;

void append_lower(std::string& out, std::string_view text) {
  for (const char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

// A VNet or subnet object with its optional `properties`: keys are looked up at the top level
// (az CLI, flattened) and then under `properties` (ARM, Resource Graph).
struct Resource {
  object top;
  std::optional<object> properties;
};

class VnetReader {
 public:
  explicit VnetReader(JsonReadContext& context) : context_(context) {}

  void read_root(element root) {
    array vnets;
    if (root.get_array().get(vnets) == simdjson::SUCCESS) {
      read_vnet_list(vnets);
      return;
    }
    object wrapper;
    if (root.get_object().get(wrapper) == simdjson::SUCCESS) {
      for (const std::string_view key : {"value", "data"}) {
        if (wrapper.at_key(key).error() == simdjson::NO_SUCH_FIELD) continue;
        const std::optional<element> list = member(wrapper, key);
        if (!list) return;  // `{"value": null}`: no VNets
        PathScope scope(context_.path(), key);
        if (context_.get_array(*list, "an array of VNets", vnets)) read_vnet_list(vnets);
        return;
      }
      if (member(wrapper, "addressSpace") || member(wrapper, "properties") ||
          member(wrapper, "subnets")) {
        read_vnet(root);
        return;
      }
    }
    context_.error(str_cat("expected an array of VNets (az network vnet list), an object with a "
                           "\"value\" or \"data\" array of VNets (ARM, Resource Graph) or one "
                           "VNet object, found ",
                           json_internal::describe(root)));
  }

 private:
  void read_vnet_list(array vnets) {
    std::size_t index = 0;
    for (const element vnet : vnets) {
      PathScope scope(context_.path(), index++);
      if (!vnet.is_null()) read_vnet(vnet);
    }
  }

  // The member `key` of `resource`, from the top level or else from `properties`, with the
  // path pushed to where it was found; nullopt (path unchanged) when absent or null.
  std::optional<element> find(const Resource& resource, std::string_view key) {
    if (auto found = member(resource.top, key)) {
      context_.path().push_key(key);
      return found;
    }
    if (resource.properties) {
      if (auto found = member(*resource.properties, key)) {
        context_.path().push_key("properties");
        context_.path().push_key(key);
        return found;
      }
    }
    return std::nullopt;
  }

  bool open_resource(element value, std::string_view what, Resource& out) {
    if (!context_.get_object(value, what, out.top)) return false;
    out.properties.reset();
    if (const auto properties = member(out.top, "properties")) {
      PathScope scope(context_.path(), "properties");
      object nested;
      if (!context_.get_object(*properties, "an object", nested)) return false;
      out.properties = nested;
    }
    return true;
  }

  void read_vnet(element value) {
    Resource vnet;
    if (!open_resource(value, "a VNet object", vnet)) return;
    // The VNet's identity is the domain of all its records: a VNet whose name, id or resource
    // group cannot be read is not read at all (--skip-invalid then skips it whole).
    std::string_view id;
    std::string_view group;
    if (!context_.optional_string(vnet.top, "name", vnet_name_) ||
        !context_.optional_string(vnet.top, "id", id) ||
        !context_.optional_string(vnet.top, "resourceGroup", group)) {
      return;
    }
    domain_.clear();
    if (!id.empty()) {
      append_lower(domain_, id);
    } else if (!vnet_name_.empty()) {
      if (!group.empty()) {
        append_lower(domain_, group);
        domain_ += '/';
      }
      append_lower(domain_, vnet_name_);
    }
    vnet_prefixes_.clear();
    read_address_space(vnet);
    read_subnets(vnet);
  }

  RawRecord make_record(const Prefix& prefix, std::string_view label) const {
    RawRecord record;
    record.range = prefix;
    record.role = Role::kAssigned;
    record.domain = domain_;
    // Shown by name; without one, the domain (the id) shows itself.
    if (!domain_.empty()) record.domain_display = vnet_name_;
    record.label = label;
    return record;
  }

  void read_address_space(const Resource& vnet) {
    PathScope scope(context_.path());
    const std::optional<element> space_value = find(vnet, "addressSpace");
    if (!space_value) return;
    object space;
    if (!context_.get_object(*space_value, "an object with \"addressPrefixes\"", space)) return;
    const std::optional<element> list = member(space, "addressPrefixes");
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
      RawRecord record = make_record(*prefix, vnet_name_);
      record.host_bits_cleared = cleared;
      vnet_prefixes_.push_back({*prefix, context_.emit(record)});
      lint_address_space(*prefix);
    }
  }

  void lint_address_space(const Prefix& prefix) {
    for (const ForbiddenRange& forbidden : kForbiddenRanges) {
      if (!prefix.overlaps(forbidden.prefix)) continue;
      context_.warning(str_cat("address space ", to_string(prefix), " overlaps ",
                               to_string(forbidden.prefix), " (", forbidden.why,
                               "), which Azure does not allow in a VNet"));
    }
  }

  void read_subnets(const Resource& vnet) {
    PathScope scope(context_.path());
    const std::optional<element> list = find(vnet, "subnets");
    if (!list) return;
    array subnets;
    if (!context_.get_array(*list, "an array of subnets", subnets)) return;
    std::size_t index = 0;
    for (const element subnet : subnets) {
      PathScope item_scope(context_.path(), index++);
      if (!subnet.is_null()) read_subnet(subnet);
    }
  }

  void read_subnet(element value) {
    Resource subnet;
    if (!open_resource(value, "a subnet object", subnet)) return;
    std::string_view name;
    if (!context_.optional_string(subnet.top, "name", name)) return;
    label_.clear();
    label_ += vnet_name_;
    if (!vnet_name_.empty() && !name.empty()) label_ += '/';
    label_ += name;
    subnet_prefixes_.clear();
    {
      PathScope scope(context_.path());
      if (const auto single = find(subnet, "addressPrefix")) read_subnet_prefix(*single);
    }
    PathScope scope(context_.path());
    const std::optional<element> list = find(subnet, "addressPrefixes");
    if (!list) return;
    array prefixes;
    if (!context_.get_array(*list, "an array of prefixes", prefixes)) return;
    std::size_t index = 0;
    for (const element item : prefixes) {
      PathScope item_scope(context_.path(), index++);
      read_subnet_prefix(item);
    }
  }

  void read_subnet_prefix(element value) {
    bool cleared = false;
    const std::optional<Prefix> prefix = context_.prefix(value, cleared);
    if (!prefix) return;
    // `addressPrefix` and `addressPrefixes` often repeat each other: one record per prefix.
    for (const Prefix& seen : subnet_prefixes_) {
      if (seen == *prefix) return;
    }
    subnet_prefixes_.push_back(*prefix);
    RawRecord record = make_record(*prefix, label_);
    record.host_bits_cleared = cleared;
    const VnetPrefix* parent = nullptr;
    for (const VnetPrefix& candidate : vnet_prefixes_) {
      if (candidate.prefix.covers(*prefix) &&
          (parent == nullptr || candidate.prefix.length() > parent->prefix.length())) {
        parent = &candidate;
      }
    }
    if (parent != nullptr) record.parent = parent->ordinal;
    context_.emit(record);
    if (parent == nullptr) warn_outside(*prefix);
    if (prefix->family() == Family::kV4 && prefix->length() > kLongestIPv4Subnet) {
      context_.warning(str_cat("subnet ", to_string(*prefix), " is smaller than /",
                               kLongestIPv4Subnet, ", the smallest IPv4 subnet Azure allows"));
    }
  }

  void warn_outside(const Prefix& prefix) {
    std::string space;
    for (const VnetPrefix& candidate : vnet_prefixes_) {
      space += space.empty() ? "" : ", ";
      space += to_string(candidate.prefix);
    }
    const std::string vnet =
        vnet_name_.empty() ? std::string("its VNet") : str_cat("VNet ", json_internal::quote(vnet_name_));
    context_.warning(
        space.empty()
            ? str_cat("subnet ", to_string(prefix), " is outside the address space of ", vnet,
                      ", which has no address prefixes")
            : str_cat("subnet ", to_string(prefix), " is outside the address space of ", vnet,
                      " (", space, ")"));
  }

  struct VnetPrefix {
    Prefix prefix;
    std::uint32_t ordinal;
  };

  JsonReadContext& context_;
  std::string_view vnet_name_;
  std::string domain_;  // reused: the current VNet's identity, lower-cased
  std::string label_;   // reused: "vnet/subnet"
  std::vector<VnetPrefix> vnet_prefixes_;
  std::vector<Prefix> subnet_prefixes_;
};

}  // namespace

void read_azure_vnets(std::string_view bytes, const ReadOptions& options, RecordSink& sink) {
  JsonReadContext context(options, sink);
  VnetReader reader(context);
  json_internal::for_each_document(bytes, "document", context,
                                   [&](element root) { reader.read_root(root); });
}

}  // namespace ipplan
