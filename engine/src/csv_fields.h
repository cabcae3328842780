// csv_fields.h — what every CSV inventory reader does with a row's fields: find columns by
// header name, trim values, turn `prefix` / `address` + `netmask` / `first` + `last` columns into
// a Range, and say what is wrong with a field in a message that names its column.
//
// Internal to the engine (the readers in csv_reader.cc and infoblox_reader.cc share it). Nothing
// here allocates on the success path; messages are built only for errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ipplan/csv.h"
#include "ipplan/parse.h"
#include "ipplan/range.h"

namespace ipplan::csv_fields {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

// A column of the header: its index, and its name as written (trimmed) for messages.
struct Column {
  std::size_t index = kNoColumn;
  std::string_view name;

  bool present() const { return index != kNoColumn; }
};

// A trimmed field value of one row, where its raw text is, and the name of its column.
struct FieldText {
  std::string_view text;
  const CsvField* field = nullptr;  // null when the row is shorter than the header
  std::size_t lead = 0;             // bytes trimmed from the front of field->value
  std::string_view name;            // the column's name, for messages
  bool present = false;             // the header has this column
};

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }
std::string_view trim(std::string_view text);
bool equals_ignore_case(std::string_view a, std::string_view b);  // ASCII letters only
bool starts_with_ignore_case(std::string_view text, std::string_view prefix);

// Lower-cases ASCII letters and drops everything that is not a letter or digit (bytes >= 0x80
// are kept), so `Prefix Length`, `prefix_length` and `PREFIX-LENGTH*` all read `prefixlength`.
std::string header_key(std::string_view name);

FieldText field_text(const CsvRow& row, const Column& column);

// `column "NAME": MESSAGE`.
std::string column_message(std::string_view column_name, std::string_view message);

// A parse error about one field, `column "NAME": invalid WHAT "TEXT": REASON at column N`, with N
// moved to the column of the input line when the field starts on the row's first line and was
// not unescaped; otherwise the column number is left out (it would point nowhere).
std::string field_parse_message(const CsvRow& row, const FieldText& value, std::string_view what,
                                ParseError error);

// "range", "prefix" or "address", for messages.
std::string_view value_kind(std::string_view text);

struct ParsedRange {
  Range range;
  bool host_bits_cleared = false;
};

// The address space of a row: `value` holds a prefix, an address or a `first-last` range. When
// a `mask` column is given (present()), a bare address takes its length from it: a dotted
// netmask (contiguous) or a prefix length, with or without a leading '/'; an empty mask is then an
// error, and a mask beside a prefix must agree with its length. Returns false with a message.
bool read_range(const CsvRow& row, const FieldText& value, const FieldText& mask,
                HostBits host_bits, ParsedRange& out, std::string& error);

// A range from two address columns (`start` + `end`, `start_address*` + `end_address*`).
bool read_first_last(const CsvRow& row, const FieldText& first, const FieldText& last,
                     ParsedRange& out, std::string& error);

// A label made of parts joined by "; ", each part once, empty parts left out; a tag is written
// before its part ("site Oslo"). The buffer is reused between rows.
class LabelBuilder {
 public:
  void clear() { text_.clear(); }
  void add(std::string_view part, std::string_view tag = {});
  std::string_view view() const { return text_; }

 private:
  std::string text_;
};

}  // namespace ipplan::csv_fields
