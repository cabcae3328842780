// infoblox_reader.cc — Infoblox CSV: typed rows under `header-<type>` rows.
//
// Each row's first field is its object type. A `header-<type>` row (any case) names the columns
// of the `<type>` rows after it, until another header for that type replaces it; several types
// may be interleaved. Column names lose their `*` (required-field) suffix and are compared without
// case. What becomes a record:
//   network, networkcontainer            address* + netmask* (dotted, or a length)
//   ipv6network, ipv6networkcontainer    address* + cidr*
//   dhcprange, reservedrange             start_address* + end_address*
// Containers get role container, `network_view` is the namespace (`default` = global) and
// `comment` the label. Rows of any other type are skipped through the sink, each with a note.
#include "ipplan/infoblox_reader.h"

#include <string>
#include <vector>

#include "csv_fields.h"
#include "ipplan/csv.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

using csv_fields::Column;
using csv_fields::ParsedRange;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kHeaderPrefix = "header-";

enum class Kind : std::uint8_t { kNetwork, kContainer, kRange, kOther };

struct ObjectType {
  std::string_view name;
  Kind kind;
  bool ipv6;
};

constexpr ObjectType kAddressTypes[] = {
    {"network", Kind::kNetwork, false},       {"networkcontainer", Kind::kContainer, false},
    {"ipv6network", Kind::kNetwork, true},    {"ipv6networkcontainer", Kind::kContainer, true},
    {"dhcprange", Kind::kRange, false},       {"reservedrange", Kind::kRange, false},
};

// One `header-<type>` row: the columns of the rows of that type.
struct ObjectHeader {
  std::string type;  // lower case, as rows spell it
  Kind kind = Kind::kOther;
  bool ipv6 = false;
  std::uint32_t line = 0;
  std::vector<std::string> names;  // as written, `*` removed; Column::name views these
  Column address;
  Column netmask;
  Column cidr;
  Column start;
  Column end;
  Column view;
  Column comment;
  std::string_view missing;  // a required column the header lacks, as a message phrase
  std::string skip_note;     // what the sink hears about rows of a type that holds no addresses
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void make_header(const CsvRow& row, std::string_view type, ObjectHeader& header) {
  header = ObjectHeader{};
  header.type = lower(type);
  header.line = row.line();
  for (const ObjectType& known : kAddressTypes) {
    if (known.name == header.type) {
      header.kind = known.kind;
      header.ipv6 = known.ipv6;
    }
  }
  if (header.kind == Kind::kOther) {
    header.skip_note = str_cat(printable(header.type), " object (not a network or range)");
  }
  header.names.reserve(row.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::string_view name = csv_fields::trim(row.value(i));
    while (!name.empty() && name.back() == '*') name.remove_suffix(1);
    header.names.emplace_back(csv_fields::trim(name));
  }
  for (std::size_t i = 1; i < header.names.size(); ++i) {
    const std::string_view name = header.names[i];
    const auto take = [&](Column& column, std::string_view wanted) {
      if (!column.present() && csv_fields::equals_ignore_case(name, wanted)) {
        column.index = i;
        column.name = name;
      }
    };
    take(header.address, "address");
    take(header.netmask, "netmask");
    take(header.cidr, "cidr");
    take(header.start, "start_address");
    take(header.end, "end_address");
    take(header.view, "network_view");
    take(header.comment, "comment");
  }
  switch (header.kind) {
    case Kind::kNetwork:
    case Kind::kContainer:
      if (!header.address.present()) {
        header.missing = "\"address\"";
      } else if (!header.netmask.present() && !header.cidr.present()) {
        header.missing = header.ipv6 ? "\"cidr\" (or \"netmask\")" : "\"netmask\" (or \"cidr\")";
      }
      break;
    case Kind::kRange:
      if (!header.start.present()) {
        header.missing = "\"start_address\"";
      } else if (!header.end.present()) {
        header.missing = "\"end_address\"";
      }
      break;
    case Kind::kOther:
      break;
  }
}

class InfobloxReader {
 public:
  InfobloxReader(const ReadOptions& options, RecordSink& sink) : options_(options), sink_(sink) {}

  void read(std::string_view bytes, CsvDialect dialect) {
    CsvReader reader(bytes, dialect);
    CsvRow row;
    while (reader.next(row)) {
      if (!row.ok()) {
        sink_.error({row.error_line(), {}}, row.error());
        continue;
      }
      if (row.blank()) continue;
      const std::string_view type = csv_fields::trim(row.value(0));
      if (csv_fields::starts_with_ignore_case(type, kHeaderPrefix)) {
        header_row(row, type.substr(kHeaderPrefix.size()));
      } else {
        data_row(row, type);
      }
    }
  }

 private:
  void header_row(const CsvRow& row, std::string_view type) {
    const Location where{row.line(), {}};
    if (type.empty()) {
      sink_.error(where, "header row without an object type (\"header-\" needs a type, e.g. "
                         "\"header-network\")");
      return;
    }
    ObjectHeader* slot = find(type);
    if (slot == nullptr) slot = &headers_.emplace_back();
    make_header(row, type, *slot);
    if (!slot->missing.empty()) {
      sink_.error(where, str_cat("header-", printable(slot->type), " has no ", slot->missing,
                                 " column"));
    }
  }

  void data_row(const CsvRow& row, std::string_view type) {
    const Location where{row.line(), {}};
    if (type.empty()) {
      sink_.error(where, "row without an object type in its first field");
      return;
    }
    const ObjectHeader* header = find(type);
    if (header == nullptr) {
      sink_.error(where, str_cat("\"", printable(type), "\" row before any \"header-",
                                 printable(lower(type)), "\" row"));
      return;
    }
    if (header->kind == Kind::kOther) {
      sink_.skipped(where, header->skip_note);
      return;
    }
    if (!header->missing.empty()) {
      const std::string type_text = printable(header->type);
      sink_.error(where, str_cat(type_text, " row cannot be read: header-", type_text, " on line ",
                                 header->line, " has no ", header->missing, " column"));
      return;
    }
    ParsedRange parsed;
    bool ok = false;
    if (header->kind == Kind::kRange) {
      ok = csv_fields::read_first_last(row, csv_fields::field_text(row, header->start),
                                       csv_fields::field_text(row, header->end), parsed, error_);
    } else {
      const Column& mask = header->ipv6 ? (header->cidr.present() ? header->cidr : header->netmask)
                                        : (header->netmask.present() ? header->netmask
                                                                     : header->cidr);
      ok = csv_fields::read_range(row, csv_fields::field_text(row, header->address),
                                  csv_fields::field_text(row, mask), options_.host_bits, parsed,
                                  error_);
    }
    if (!ok) {
      sink_.error(where, std::move(error_));
      error_.clear();
      return;
    }
    std::string_view view = csv_fields::field_text(row, header->view).text;
    if (csv_fields::equals_ignore_case(view, "default")) view = {};
    RawRecord record;
    record.range = parsed.range;
    record.host_bits_cleared = parsed.host_bits_cleared;
    record.role = header->kind == Kind::kContainer ? Role::kContainer : Role::kAssigned;
    record.location = where;
    record.namespace_name = view;
    record.label = csv_fields::field_text(row, header->comment).text;
    sink_.record(record);
  }

  ObjectHeader* find(std::string_view type) {
    for (ObjectHeader& header : headers_) {
      if (csv_fields::equals_ignore_case(header.type, type)) return &header;
    }
    return nullptr;
  }

  const ReadOptions& options_;
  RecordSink& sink_;
  std::vector<ObjectHeader> headers_;
  std::string error_;
};

// The first line that is not blank, after a byte order mark.
std::string_view first_line(std::string_view bytes) {
  if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    bytes.remove_prefix(kByteOrderMark.size());
  }
  while (!bytes.empty()) {
    std::size_t end = bytes.find('\n');
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(0, end);
    bool blank = true;
    for (const char c : line) {
      if (c != ' ' && c != '\t' && c != '\r') {
        blank = false;
        break;
      }
    }
    if (!blank) return line;
    bytes.remove_prefix(end < bytes.size() ? end + 1 : end);
  }
  return {};
}

}  // namespace

CsvDialect detect_infoblox_dialect(std::string_view bytes) {
  std::string_view line = csv_fields::trim(first_line(bytes));
  if (!line.empty() && line.front() == '"') line.remove_prefix(1);
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!word) break;
    ++i;
  }
  if (i < line.size() && line[i] == '"') ++i;
  CsvDialect dialect;
  if (i < line.size() && (line[i] == ',' || line[i] == ';' || line[i] == '\t' || line[i] == ' ')) {
    dialect.delimiter = line[i];
  }
  return dialect;
}

bool looks_like_infoblox(std::string_view bytes) {
  std::string_view line = csv_fields::trim(first_line(bytes));
  if (!line.empty() && line.front() == '"') line.remove_prefix(1);
  return csv_fields::starts_with_ignore_case(line, kHeaderPrefix) &&
         line.size() > kHeaderPrefix.size();
}

void read_infoblox_csv(std::string_view bytes, const ReadOptions& options, RecordSink& sink) {
  InfobloxReader reader(options, sink);
  reader.read(bytes, detect_infoblox_dialect(bytes));
}

}  // namespace ipplan
