// csv_fields.cc — column lookup, netmasks and field messages shared by the CSV readers.
#include "csv_fields.h"

#include "ipplan/strings.h"

namespace ipplan::csv_fields {
namespace {

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Drops the trailing ` at column N` of a ParseError message.
std::string without_column(std::string message) {
  const std::size_t at = message.rfind(" at column ");
  if (at != std::string::npos) message.resize(at);
  return message;
}

enum class MaskError { kNone, kEmpty, kNotAMask, kNotContiguous, kTooLong, kWrongFamily };

// A netmask (dotted IPv4, or IPv6 text for IPv6) or a prefix length, for an address of `family`.
MaskError parse_mask(std::string_view text, Family family, int& length) {
  if (!text.empty() && text.front() == '/') text.remove_prefix(1);
  if (text.empty()) return MaskError::kEmpty;
  const bool dotted = text.find('.') != std::string_view::npos;
  const bool colons = text.find(':') != std::string_view::npos;
  if (dotted || colons) {
    const ParseResult<Address> mask = parse_address(text);
    if (!mask.ok()) return MaskError::kNotAMask;
    if (mask.value.family() != family) return MaskError::kWrongFamily;
    const uint128 inverse = Address::all_ones(family) & ~mask.value.value();
    if ((inverse & (inverse + 1)) != 0) return MaskError::kNotContiguous;
    length = mask.value.bits() - bit_width(inverse);
    return MaskError::kNone;
  }
  if (text.size() > 3 || (text.size() > 1 && text.front() == '0')) {
    for (const char c : text) {
      if (c < '0' || c > '9') return MaskError::kNotAMask;
    }
    return text.front() == '0' ? MaskError::kNotAMask : MaskError::kTooLong;
  }
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return MaskError::kNotAMask;
    value = value * 10 + (c - '0');
  }
  if (value > address_bits(family)) return MaskError::kTooLong;
  length = value;
  return MaskError::kNone;
}

std::string mask_message(MaskError error, const FieldText& mask, Family family,
                         std::string_view address_text) {
  const std::string_view mask_name = mask.name;
  const std::string text = printable(mask.text);
  switch (error) {
    case MaskError::kEmpty:
      return str_cat("column \"", printable(mask_name), "\" is empty (\"",
                     printable(address_text), "\" needs a netmask or prefix length)");
    case MaskError::kNotContiguous:
      return column_message(mask_name, str_cat("\"", text, "\" is not a contiguous netmask"));
    case MaskError::kTooLong:
      return column_message(mask_name, str_cat("prefix length \"", text, "\" is too large for ",
                                               family == Family::kV4 ? "IPv4" : "IPv6",
                                               " (at most ", address_bits(family), ")"));
    case MaskError::kWrongFamily:
      return column_message(mask_name,
                            str_cat("\"", text, "\" is not an ",
                                    family == Family::kV4 ? "IPv4" : "IPv6", " netmask (the address \"",
                                    printable(address_text), "\" is ",
                                    family == Family::kV4 ? "IPv4" : "IPv6", ")"));
    case MaskError::kNotAMask:
    case MaskError::kNone:
      break;
  }
  return column_message(mask_name, str_cat("\"", text, "\" is not a netmask or prefix length"));
}

}  // namespace

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

bool starts_with_ignore_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equals_ignore_case(text.substr(0, prefix.size()), prefix);
}

std::string header_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      key += c;
    } else if (c >= 'A' && c <= 'Z') {
      key += to_lower(c);
    }
  }
  return key;
}

FieldText field_text(const CsvRow& row, const Column& column) {
  FieldText out;
  out.name = column.name;
  out.present = column.present();
  if (!column.present() || column.index >= row.size()) return out;
  out.field = &row.field(column.index);
  const std::string_view raw = out.field->value;
  std::size_t lead = 0;
  while (lead < raw.size() && is_blank(raw[lead])) ++lead;
  out.lead = lead;
  out.text = trim(raw);
  return out;
}

std::string column_message(std::string_view column_name, std::string_view message) {
  return str_cat("column \"", printable(column_name), "\": ", message);
}

std::string field_parse_message(const CsvRow& row, const FieldText& value, std::string_view what,
                                ParseError error) {
  const std::string_view column_name = value.name;
  const CsvField* field = value.field;
  if (field != nullptr && field->line == row.line() && !field->unescaped) {
    error.column += static_cast<std::uint32_t>(field->column - 1 + (field->quoted ? 1 : 0) +
                                               value.lead);
    return column_message(column_name, error.message(what, value.text));
  }
  return column_message(column_name, without_column(error.message(what, value.text)));
}

std::string_view value_kind(std::string_view text) {
  if (text.find('-') != std::string_view::npos) return "range";
  if (text.find('/') != std::string_view::npos) return "prefix";
  return "address";
}

bool read_range(const CsvRow& row, const FieldText& text, const FieldText& mask_text,
                HostBits host_bits, ParsedRange& out, std::string& error) {
  if (text.text.empty()) {
    error = str_cat("column \"", printable(text.name), "\" is empty");
    return false;
  }
  const bool has_length = text.text.find('/') != std::string_view::npos;
  const bool is_range = text.text.find('-') != std::string_view::npos;
  if (!mask_text.present || is_range || (has_length && mask_text.text.empty())) {
    if (is_range && !mask_text.text.empty()) {
      error = column_message(mask_text.name, str_cat("a range (\"", printable(text.text),
                                                "\") takes no netmask"));
      return false;
    }
    const ParseResult<Range> parsed = parse_range(text.text, host_bits);
    if (!parsed.ok()) {
      error = field_parse_message(row, text, value_kind(text.text), parsed.error);
      return false;
    }
    out.range = parsed.value;
    out.host_bits_cleared = parsed.host_bits_cleared;
    return true;
  }
  if (has_length) {  // a prefix and a mask: they must agree
    const ParseResult<Prefix> parsed = parse_prefix(text.text, host_bits);
    if (!parsed.ok()) {
      error = field_parse_message(row, text, "prefix", parsed.error);
      return false;
    }
    int length = 0;
    const MaskError mask_error = parse_mask(mask_text.text, parsed.value.family(), length);
    if (mask_error != MaskError::kNone) {
      error = mask_message(mask_error, mask_text, parsed.value.family(), text.text);
      return false;
    }
    if (length != parsed.value.length()) {
      error = column_message(mask_text.name, str_cat("\"", printable(mask_text.text),
                                                "\" does not match the length of \"",
                                                printable(text.text), "\" in column \"",
                                                printable(text.name), "\""));
      return false;
    }
    out.range = parsed.value;
    out.host_bits_cleared = parsed.host_bits_cleared;
    return true;
  }
  const ParseResult<Address> address = parse_address(text.text);
  if (!address.ok()) {
    error = field_parse_message(row, text, "address", address.error);
    return false;
  }
  const Family family = address.value.family();
  int length = 0;
  const MaskError mask_error = parse_mask(mask_text.text, family, length);
  if (mask_error != MaskError::kNone) {
    error = mask_message(mask_error, mask_text, family, text.text);
    return false;
  }
  if (const auto prefix = Prefix::make(address.value, length)) {
    out.range = *prefix;
    out.host_bits_cleared = false;
    return true;
  }
  if (host_bits == HostBits::kTruncate) {
    out.range = Prefix::containing(address.value, length);
    out.host_bits_cleared = true;
    return true;
  }
  const std::string combined = str_cat(text.text, "/", length);
  error = str_cat("columns \"", printable(text.name), "\" and \"", printable(mask_text.name), "\": ",
                  without_column(ParseError{ParseErrorKind::kHostBitsSet, 1}.message(
                      "prefix", combined)));
  return false;
}

bool read_first_last(const CsvRow& row, const FieldText& first_text, const FieldText& last_text,
                     ParsedRange& out, std::string& error) {
  const std::string_view first_name = first_text.name;
  const std::string_view last_name = last_text.name;
  if (first_text.text.empty()) {
    error = str_cat("column \"", printable(first_name), "\" is empty");
    return false;
  }
  if (last_text.text.empty()) {
    error = str_cat("column \"", printable(last_name), "\" is empty");
    return false;
  }
  const ParseResult<Address> first_address = parse_address(first_text.text);
  if (!first_address.ok()) {
    error = field_parse_message(row, first_text, "address", first_address.error);
    return false;
  }
  const ParseResult<Address> last_address = parse_address(last_text.text);
  if (!last_address.ok()) {
    error = field_parse_message(row, last_text, "address", last_address.error);
    return false;
  }
  if (const auto range = Range::make(first_address.value, last_address.value)) {
    out.range = *range;
    out.host_bits_cleared = false;
    return true;
  }
  if (first_address.value.family() != last_address.value.family()) {
    error = str_cat("columns \"", printable(first_name), "\" and \"", printable(last_name),
                    "\": \"", printable(first_text.text), "\" and \"", printable(last_text.text),
                    "\" are of different address families");
  } else {
    error = str_cat("columns \"", printable(first_name), "\" and \"", printable(last_name),
                    "\": range end \"", printable(last_text.text), "\" is before its start \"",
                    printable(first_text.text), "\"");
  }
  return false;
}

void LabelBuilder::add(std::string_view part, std::string_view tag) {
  part = trim(part);
  if (part.empty()) return;
  if (tag.empty()) {
    // Each untagged part once: a name repeated as the description says nothing new.
    std::size_t start = 0;
    while (start <= text_.size()) {
      std::size_t end = text_.find("; ", start);
      if (end == std::string::npos) end = text_.size();
      if (std::string_view(text_).substr(start, end - start) == part) return;
      start = end + 2;
    }
  }
  if (!text_.empty()) text_ += "; ";
  if (!tag.empty()) {
    text_ += tag;
    text_ += ' ';
  }
  text_ += part;
}

}  // namespace ipplan::csv_fields
