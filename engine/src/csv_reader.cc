// csv_reader.cc — generic, NetBox and phpIPAM CSV: which columns mean what, and how each
// flavour's values become records.
//
// Columns are found by header name (case and punctuation ignored: `Prefix Length`,
// `prefix_length` and `PREFIX-LENGTH` are one name), never by position. A flavour is a header
// vocabulary plus a few value rules:
//   - generic: `vrf` is the namespace (`global` or empty = the global one), `status` or `role`
//     `container` makes a container, `domain` overrides the input's domain, the label is made of
//     `label`/`name`/`description` plus `site` and `tenant`;
//   - NetBox: the UI export's headers are translated column names; its status values are
//     translated too; a VRF is shown as `name (rd)`; NetBox's own `role` column is a prefix role
//     (e.g. "Production"), not a container flag;
//   - phpIPAM: `domain` is a VLAN domain (not ours); folder rows are skipped; masters of other
//     subnets are containers.
#include "ipplan/csv_reader.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "csv_fields.h"
#include "ipplan/csv.h"
#include "ipplan/infoblox_reader.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

using csv_fields::Column;
using csv_fields::FieldText;
using csv_fields::ParsedRange;

enum Field : std::uint8_t {
  kPrefix,
  kPrefixFlat,
  kCidr,
  kAddress,
  kMask,
  kStart,
  kEnd,
  kVrf,
  kStatus,
  kRole,
  kDomain,
  kLabel,
  kName,
  kDescription,
  kSite,
  kTenant,
  kSection,
  kMasterSubnet,
  kFieldCount,
};

// A header name (as header_key() spells it) and what it means; when several columns mean the
// same thing, the lower rank wins (`prefix` over `network` over `subnet`), then the first.
struct Word {
  std::string_view key;
  Field field;
  std::uint8_t rank;
};

constexpr Word kGenericWords[] = {
    {"prefix", kPrefix, 0},         {"ipprefix", kPrefix, 1},       {"addressprefix", kPrefix, 1},
    {"networkprefix", kPrefix, 1},  {"network", kPrefix, 2},        {"subnet", kPrefix, 3},
    {"iprange", kPrefix, 4},        {"range", kPrefix, 4},          {"cidr", kCidr, 0},
    {"address", kAddress, 0},       {"ipaddress", kAddress, 1},     {"networkaddress", kAddress, 1},
    {"subnetaddress", kAddress, 1}, {"ip", kAddress, 2},            {"mask", kMask, 0},
    {"netmask", kMask, 0},          {"subnetmask", kMask, 0},       {"prefixlength", kMask, 1},
    {"prefixlen", kMask, 1},        {"masklength", kMask, 1},       {"masklen", kMask, 1},
    {"length", kMask, 2},           {"bits", kMask, 3},             {"start", kStart, 0},
    {"startaddress", kStart, 0},    {"first", kStart, 1},           {"firstaddress", kStart, 1},
    {"rangestart", kStart, 1},      {"startip", kStart, 1},         {"from", kStart, 2},
    {"end", kEnd, 0},               {"endaddress", kEnd, 0},        {"last", kEnd, 1},
    {"lastaddress", kEnd, 1},       {"rangeend", kEnd, 1},          {"endip", kEnd, 1},
    {"to", kEnd, 2},                {"vrf", kVrf, 0},               {"vrfname", kVrf, 1},
    {"namespace", kVrf, 2},         {"status", kStatus, 0},         {"role", kRole, 0},
    {"domain", kDomain, 0},         {"label", kLabel, 0},           {"name", kName, 0},
    {"description", kDescription, 0}, {"desc", kDescription, 1},    {"comment", kDescription, 2},
    {"site", kSite, 0},             {"sitename", kSite, 1},         {"scope", kSite, 2},
    {"scopename", kSite, 2},        {"tenant", kTenant, 0},         {"tenantname", kTenant, 1},
    {"section", kSection, 0},       {"mastersubnet", kMasterSubnet, 0},
};

// NetBox's UI export writes each column's verbose name in the user's language. Only
// translations read in NetBox's own django.po files are listed; English `Status`, `VRF`,
// `Tenant`, `Scope`, `Description` are in the generic words (German uses `Status` and `VRF`
// too). Non-ASCII letters are written as UTF-8 escapes.
constexpr Word kNetboxWords[] = {
    {"prefixflat", kPrefixFlat, 0},
    {"pr\xc3\xa9" "fixe", kPrefix, 0},  // fr "Préfixe"
    {"prefijo", kPrefix, 0},            // es
    {"prefisso", kPrefix, 0},           // it
    {"prefixo", kPrefix, 0},            // pt
    {"beschreibung", kDescription, 0},  // de
    {"mandant", kTenant, 0},            // de "Tenant"
};

// Columns only NetBox writes: one of them in a header with a prefix column means NetBox.
constexpr std::string_view kNetboxOnlyKeys[] = {
    "prefixflat", "children",    "utilization", "depth",       "markedutilized",
    "ispool",     "markutilized", "scopetype",  "scopeid",     "vlangroup",
    "vlansite",   "tenantgroup", "untergeordnet",  // de "Children"
    "pr\xc3\xa9" "fixe", "prefijo", "prefisso", "prefixo",
};

// The NetBox UI export's English column names, as NetBox capitalises them.
constexpr std::string_view kNetboxExportNames[] = {"Status", "VRF",  "Tenant", "Scope",
                                                   "Site",   "VLAN", "Role",   "Description"};

// NetBox's "Container" status as its UI shows it in the languages read in its django.po files
// (German keeps "Container").
constexpr std::string_view kNetboxContainerLabels[] = {
    "container",
    "r\xc3\xa9" "cipient",  // fr "Récipient"
    "contenedor",           // es
    "contenitore",          // it
    "cont\xc3\xaa" "iner",  // pt "Contêiner"
};

constexpr std::string_view kNoPrefixColumn =
    "no prefix column in the header: looked for \"prefix\", \"network\", \"subnet\" or \"cidr\", "
    "\"address\" with \"mask\", \"netmask\", \"cidr\" or \"prefix_length\", or \"start\" with "
    "\"end\"";

// Where the address space of a row is, once the header is read.
enum class Mode : std::uint8_t { kNone, kValue, kFirstLast };

struct Layout {
  Layout() = default;
  Layout(const Layout&) = delete;  // the columns' names view `names`: a copy would dangle
  Layout& operator=(const Layout&) = delete;
  Layout(Layout&&) = default;  // moving the vector keeps its strings where they are

  std::vector<std::string> names;  // the header as written, trimmed; Column::name views these
  std::vector<std::string> keys;
  Column columns[kFieldCount];
  Mode mode = Mode::kNone;
  Column value;  // kValue: prefix, address or range
  Column mask;   // kValue: optional netmask / length
  Column first;  // kFirstLast
  Column last;

  bool has_key(std::string_view key) const {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  }
};

template <std::size_t N>
void assign_words(Layout& layout, const Word (&words)[N], std::uint8_t (&ranks)[kFieldCount]) {
  for (std::size_t i = 0; i < layout.keys.size(); ++i) {
    for (const Word& word : words) {
      if (word.key != layout.keys[i]) continue;
      Column& column = layout.columns[word.field];
      if (!column.present() || word.rank < ranks[word.field]) {
        column.index = i;
        column.name = layout.names[i];
        ranks[word.field] = word.rank;
      }
    }
  }
}

// Reads the header from `row` and decides where the address space is.
Layout make_layout(const CsvRow& row, InputFormat format) {
  Layout layout;
  layout.names.reserve(row.size());
  layout.keys.reserve(row.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    layout.names.emplace_back(csv_fields::trim(row.value(i)));
    layout.keys.push_back(csv_fields::header_key(row.value(i)));
  }
  std::uint8_t ranks[kFieldCount] = {};
  assign_words(layout, kGenericWords, ranks);
  if (format == InputFormat::kNetboxCsv) assign_words(layout, kNetboxWords, ranks);
  if (format == InputFormat::kPhpipamCsv) layout.columns[kDomain] = Column{};  // a VLAN domain

  Column prefix = layout.columns[kPrefix];
  if (!prefix.present()) prefix = layout.columns[kPrefixFlat];
  const Column address = layout.columns[kAddress];
  Column mask = layout.columns[kMask];
  const Column cidr = layout.columns[kCidr];
  if (cidr.present()) {
    // `cidr` beside an address-like column is its length; alone it is the prefix itself.
    if (prefix.present() || address.present()) {
      if (!mask.present()) mask = cidr;
    } else {
      prefix = cidr;
    }
  }
  if (prefix.present()) {
    layout.mode = Mode::kValue;
    layout.value = prefix;
    // Beside an address column, a mask is the address's; the prefix column carries its own.
    if (!address.present()) layout.mask = mask;
  } else if (address.present() && mask.present()) {
    layout.mode = Mode::kValue;
    layout.value = address;
    layout.mask = mask;
  } else if (layout.columns[kStart].present() && layout.columns[kEnd].present()) {
    layout.mode = Mode::kFirstLast;
    layout.first = layout.columns[kStart];
    layout.last = layout.columns[kEnd];
  }
  return layout;
}

// The first row that is not blank (a malformed one included); false at the end of the input.
bool read_header(CsvReader& reader, CsvRow& row) {
  while (reader.next(row)) {
    if (!row.ok() || !row.blank()) return true;
  }
  return false;
}

bool is_netbox_header(const Layout& layout) {
  for (const std::string_view key : kNetboxOnlyKeys) {
    if (layout.has_key(key)) return true;
  }
  const bool prefix_named_by_netbox =
      std::find(layout.names.begin(), layout.names.end(), "Prefix") != layout.names.end();
  if (!prefix_named_by_netbox) return false;
  for (const std::string_view name : kNetboxExportNames) {
    if (std::find(layout.names.begin(), layout.names.end(), name) != layout.names.end()) {
      return true;
    }
  }
  return false;
}

bool is_phpipam_header(const Layout& layout) {
  return layout.has_key("section") && (layout.has_key("subnet") || layout.has_key("mastersubnet"));
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A phpIPAM export names folders `<description> (folder)` where a subnet would be.
bool is_phpipam_folder(std::string_view subnet) { return ends_with(subnet, "(folder)"); }

// NetBox 3.x exported the rendered prefix cell, depth bullets ("•") and line breaks included.
FieldText strip_netbox_depth(FieldText value) {
  constexpr std::string_view kBullet = "\xe2\x80\xa2";
  std::size_t skip = 0;
  bool newline = false;
  const std::string_view text = value.text;
  while (skip < text.size()) {
    if (text.substr(skip, kBullet.size()) == kBullet) {
      skip += kBullet.size();
    } else if (text[skip] == ' ' || text[skip] == '\t' || text[skip] == '\r' ||
               text[skip] == '\n') {
      newline = newline || text[skip] == '\n';
      ++skip;
    } else {
      break;
    }
  }
  std::size_t end = text.size();
  while (end > skip && (text[end - 1] == '\r' || text[end - 1] == '\n')) --end;
  if (skip == 0 && end == text.size()) return value;
  value.text = csv_fields::trim(text.substr(skip, end - skip));
  value.lead += skip;
  if (newline) value.field = nullptr;  // the value starts on another line: no column to show
  return value;
}

// A phpIPAM master: a subnet named as another's `Master Subnet`, in a section.
struct MasterKey {
  std::uint32_t section;
  Prefix prefix;

  friend bool operator==(const MasterKey&, const MasterKey&) = default;
  template <typename H>
  friend H AbslHashValue(H hash, const MasterKey& key) {
    const Address address = key.prefix.address();
    return H::combine(std::move(hash), key.section, address.high64(), address.low64(),
                      static_cast<int>(address.family()), key.prefix.length());
  }
};
using MasterSet = absl::flat_hash_set<MasterKey>;
using SectionIds = absl::flat_hash_map<std::string, std::uint32_t>;

// Reads every data row of one CSV flavour into a sink.
class CsvInventoryReader {
 public:
  CsvInventoryReader(InputFormat format, const Layout& layout, const ReadOptions& options,
                     RecordSink& sink)
      : format_(format), layout_(layout), options_(options), sink_(sink) {}

  // Reads the data rows after the header. `container` (phpIPAM) tells, by data row ordinal,
  // which rows are masters of others.
  void read(CsvReader& reader, const std::vector<bool>* container = nullptr,
            const MasterSet* masters = nullptr, const SectionIds* sections = nullptr) {
    CsvRow row;
    std::size_t ordinal = 0;
    while (reader.next(row)) {
      if (!row.ok()) {
        sink_.error({row.error_line(), {}}, row.error());
        ++ordinal;
        continue;
      }
      if (row.blank()) continue;
      bool is_container = false;
      if (container != nullptr) is_container = ordinal < container->size() && (*container)[ordinal];
      ++ordinal;
      data_row(row, is_container, masters, sections);
    }
  }

  // The address space of a data row (also used by the phpIPAM first pass).
  bool row_range(const CsvRow& row, ParsedRange& out, std::string& error) const {
    if (layout_.mode == Mode::kFirstLast) {
      return csv_fields::read_first_last(row, csv_fields::field_text(row, layout_.first),
                                         csv_fields::field_text(row, layout_.last), out, error);
    }
    FieldText value = csv_fields::field_text(row, layout_.value);
    if (format_ == InputFormat::kNetboxCsv) value = strip_netbox_depth(value);
    return csv_fields::read_range(row, value, csv_fields::field_text(row, layout_.mask),
                                  options_.host_bits, out, error);
  }

  std::string_view value(const CsvRow& row, Field field) const {
    return csv_fields::field_text(row, layout_.columns[field]).text;
  }

  std::string_view namespace_of(const CsvRow& row) const {
    std::string_view vrf = value(row, kVrf);
    if (csv_fields::equals_ignore_case(vrf, "global")) return {};
    if (format_ == InputFormat::kNetboxCsv && ends_with(vrf, ")")) {
      // NetBox shows a VRF with a route distinguisher as `name (rd)`.
      const std::size_t open = vrf.rfind(" (");
      if (open != std::string_view::npos && open > 0) vrf = csv_fields::trim(vrf.substr(0, open));
    }
    return vrf;
  }

 private:
  bool says_container(const CsvRow& row) const {
    const std::string_view status = value(row, kStatus);
    if (format_ == InputFormat::kNetboxCsv) {
      for (const std::string_view label : kNetboxContainerLabels) {
        if (csv_fields::equals_ignore_case(status, label)) return true;
      }
      return false;
    }
    return csv_fields::equals_ignore_case(status, "container") ||
           csv_fields::equals_ignore_case(value(row, kRole), "container");
  }

  void data_row(const CsvRow& row, bool is_container,
                const MasterSet* masters, const SectionIds* sections) {
    const Location where{row.line(), {}};
    if (format_ == InputFormat::kPhpipamCsv) {
      const std::string_view subnet = csv_fields::field_text(row, layout_.value).text;
      if (is_phpipam_folder(subnet)) {
        skipped_.clear();
        skipped_ += "phpIPAM folder \"";
        skipped_ += printable(csv_fields::trim(subnet.substr(0, subnet.size() - 8)));
        skipped_ += "\" (a folder holds no addresses)";
        sink_.skipped(where, skipped_);
        return;
      }
    }
    ParsedRange parsed;
    if (!row_range(row, parsed, error_)) {
      sink_.error(where, std::move(error_));
      error_.clear();
      return;
    }
    if (masters != nullptr && sections != nullptr) {
      const std::string_view section = value(row, kSection);
      const auto found = sections->find(absl::string_view(section.data(), section.size()));
      const auto prefix = parsed.range.as_prefix();
      is_container = found != sections->end() && prefix &&
                     masters->contains(MasterKey{found->second, *prefix});
    }
    RawRecord record;
    record.range = parsed.range;
    record.host_bits_cleared = parsed.host_bits_cleared;
    record.role = is_container || says_container(row) ? Role::kContainer : Role::kAssigned;
    record.location = where;
    record.namespace_name = namespace_of(row);
    record.domain = value(row, kDomain);
    label_.clear();
    label_.add(value(row, kLabel));
    label_.add(value(row, kName));
    label_.add(value(row, kDescription));
    label_.add(value(row, kSite), "site");
    label_.add(value(row, kTenant), "tenant");
    record.label = label_.view();
    sink_.record(record);
  }

  InputFormat format_;
  const Layout& layout_;
  const ReadOptions& options_;
  RecordSink& sink_;
  csv_fields::LabelBuilder label_;
  std::string error_;
  std::string skipped_;
};

// Interns short strings (phpIPAM sections and VRFs) as small integers.
class Interner {
 public:
  std::uint32_t id(std::string_view text) {
    // Look up by view first: a string is made only for a name not seen before.
    if (const auto found = ids_.find(absl::string_view(text.data(), text.size()));
        found != ids_.end()) {
      return found->second;
    }
    const auto id = static_cast<std::uint32_t>(ids_.size());
    ids_.emplace(std::string(text), id);
    return id;
  }
  const SectionIds& map() const { return ids_; }

 private:
  SectionIds ids_;
};

// phpIPAM's masters. The export names each subnet's master in `Master Subnet` (`ip/mask`, a
// folder `desc [folder]`, or `/` for the root): a subnet named there, in the same section, is a
// container. The import layout has no such column: there a subnet that strictly contains another
// subnet of the same section and VRF is taken as its master. Both need the whole file, so this is
// a first pass; records still come out in input order in the second.
void read_phpipam(std::string_view bytes, CsvDialect dialect, const Layout& layout,
                  const ReadOptions& options, RecordSink& sink) {
  CsvInventoryReader inventory(InputFormat::kPhpipamCsv, layout, options, sink);
  Interner sections;
  CsvRow row;
  if (layout.columns[kMasterSubnet].present()) {
    MasterSet masters;
    CsvReader first_pass(bytes, dialect);
    read_header(first_pass, row);
    while (first_pass.next(row)) {
      if (!row.ok() || row.blank()) continue;
      const std::string_view master = inventory.value(row, kMasterSubnet);
      if (master.find('/') == std::string_view::npos || ends_with(master, "]")) continue;
      const ParseResult<Prefix> prefix = parse_prefix(master, options.host_bits);
      if (prefix.ok()) masters.insert({sections.id(inventory.value(row, kSection)), prefix.value});
    }
    CsvReader second_pass(bytes, dialect);
    read_header(second_pass, row);
    inventory.read(second_pass, nullptr, &masters, &sections.map());
    return;
  }

  struct Entry {
    std::uint64_t group;  // section and VRF
    Range range;
    std::size_t ordinal;
  };
  std::vector<Entry> entries;
  Interner vrfs;
  std::size_t ordinal = 0;
  std::string ignored;
  CsvReader first_pass(bytes, dialect);
  read_header(first_pass, row);
  while (first_pass.next(row)) {
    if (!row.ok()) {
      ++ordinal;
      continue;
    }
    if (row.blank()) continue;
    ParsedRange parsed;
    if (inventory.row_range(row, parsed, ignored)) {
      const std::uint64_t group =
          (std::uint64_t{sections.id(inventory.value(row, kSection))} << 32) |
          vrfs.id(inventory.namespace_of(row));
      entries.push_back({group, parsed.range, ordinal});
    }
    ++ordinal;
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.group != b.group) return a.group < b.group;
    return a.range < b.range;  // by first address, the wider range first
  });
  std::vector<bool> container(ordinal, false);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    // Subnets are prefixes: the next different one in the group, if it starts inside this one,
    // lies inside it.
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].group == entries[i].group &&
           entries[j].range == entries[i].range) {
      ++j;
    }
    if (j < entries.size() && entries[j].group == entries[i].group &&
        entries[i].range.strictly_covers(entries[j].range)) {
      container[entries[i].ordinal] = true;
    }
  }
  CsvReader second_pass(bytes, dialect);
  read_header(second_pass, row);
  inventory.read(second_pass, &container);
}

}  // namespace

std::optional<InputFormat> detect_csv_flavor(std::string_view bytes) {
  if (looks_like_infoblox(bytes)) return std::nullopt;
  CsvReader reader(bytes, detect_csv_dialect(bytes));
  CsvRow row;
  if (!read_header(reader, row) || !row.ok()) return std::nullopt;
  InputFormat format = InputFormat::kCsv;
  {
    const Layout generic = make_layout(row, InputFormat::kCsv);
    if (is_phpipam_header(generic)) {
      format = InputFormat::kPhpipamCsv;
    } else if (is_netbox_header(generic)) {
      format = InputFormat::kNetboxCsv;
    }
  }
  if (make_layout(row, format).mode == Mode::kNone) return std::nullopt;
  return format;
}

void read_csv(InputFormat format, std::string_view bytes, const ReadOptions& options,
              RecordSink& sink) {
  if (format != InputFormat::kNetboxCsv && format != InputFormat::kPhpipamCsv) {
    format = InputFormat::kCsv;
  }
  const CsvDialect dialect = detect_csv_dialect(bytes);
  CsvReader reader(bytes, dialect);
  CsvRow row;
  if (!read_header(reader, row)) return;  // no header, no rows: nothing to read
  if (!row.ok()) {
    sink.error({row.error_line(), {}}, str_cat("in the header row: ", row.error()));
    return;
  }
  const Layout layout = make_layout(row, format);
  if (layout.mode == Mode::kNone) {
    std::string message(kNoPrefixColumn);
    message += "; the header has ";
    constexpr std::size_t kShown = 8;
    for (std::size_t i = 0; i < layout.names.size() && i < kShown; ++i) {
      if (i > 0) message += ", ";
      message += '"';
      message += printable(layout.names[i], 40);
      message += '"';
    }
    if (layout.names.size() > kShown) message += str_cat(" and ", layout.names.size() - kShown, " more");
    sink.error({row.line(), {}}, std::move(message));
    return;
  }
  if (format == InputFormat::kPhpipamCsv) {
    read_phpipam(bytes, dialect, layout, options, sink);
    return;
  }
  CsvInventoryReader inventory(format, layout, options, sink);
  inventory.read(reader);
}

}  // namespace ipplan
