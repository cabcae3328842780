// csv.h — an RFC 4180 row reader shared by every CSV flavour (generic, NetBox, phpIPAM, Infoblox).
//
// A CsvReader walks a std::string_view one row at a time. Fields are views into the input when
// they can be (unquoted fields, and quoted fields without a doubled quote); a quoted field that
// holds `""` is unescaped into the row's scratch buffer. Quoted fields may hold delimiters and
// CR/LF line breaks; rows end with LF or CRLF (or the end of the input); a UTF-8 byte order mark
// at the start is skipped, and so is an Excel `sep=X` first line (after it has set the
// delimiter). Each row knows the 1-based line where it starts, and each field the line and
// column where its raw text starts, so readers can point at what is wrong.
//
// Malformed rows do not stop the reader: a quote in the middle of an unquoted field, or text
// after a closing quote, makes that row an error and reading resumes at the next line; a quote
// still open at the end of the input is one error at the line where it opened. Lines of any
// length, NUL bytes and invalid UTF-8 are data like any other byte; nothing is read out of
// bounds.
//
// Cost: one pass over the bytes. A CsvRow keeps its vectors between rows, so reading allocates
// only while a row is wider (or an escaped field longer) than any before it, and for the text
// of error messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ipplan {

// How a CSV input is laid out: found by detect_csv_dialect, or given.
struct CsvDialect {
  char delimiter = ',';
  bool sep_line = false;  // the first line is Excel's `sep=X`: skip it
};

// Looks at the first row of `bytes` (after a byte order mark) and picks the delimiter among
// `candidates` that occurs most often outside quotes, the first candidate on a tie or when none
// occurs. The default candidates are those NetBox lets a user choose: comma, semicolon, tab, pipe. An Excel `sep=X` first line wins over counting. Reads at most the first row (and no
// more than 1 MiB of it).
CsvDialect detect_csv_dialect(std::string_view bytes, std::string_view candidates = ",;\t|");

struct CsvField {
  std::string_view value;  // unescaped; valid until the row is read again
  std::uint32_t line = 0;    // 1-based line where the field's raw text starts
  std::uint32_t column = 0;  // 1-based byte column of that start (the opening quote if quoted)
  bool quoted = false;
  bool unescaped = false;    // `value` lives in the scratch buffer (it held `""`)
};

class CsvRow {
 public:
  // 1-based line where the row starts.
  std::uint32_t line() const { return line_; }
  std::size_t size() const { return fields_.size(); }
  const CsvField& field(std::size_t index) const { return fields_[index]; }
  // The field's value, or empty when the row is shorter than that.
  std::string_view value(std::size_t index) const {
    return index < fields_.size() ? fields_[index].value : std::string_view();
  }
  // An empty or all-blank line, or a row whose every field is empty (spreadsheets pad with
  // `,,,`). A quoted empty field was written on purpose: not blank.
  bool blank() const;

  // A malformed row has no fields; error() says why (lower case, without the `PATH:LINE: `
  // prefix) and error_line() where (the line of the offending quote).
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::uint32_t error_line() const { return error_line_; }

 private:
  friend class CsvReader;
  struct Pending {  // a field whose value lives in scratch_, fixed up when the row is complete
    std::size_t field;
    std::size_t offset;
    std::size_t length;
  };

  std::vector<CsvField> fields_;
  std::vector<Pending> pending_;
  std::string scratch_;
  std::string error_;
  std::uint32_t line_ = 0;
  std::uint32_t error_line_ = 0;
};

class CsvReader {
 public:
  CsvReader(std::string_view bytes, CsvDialect dialect);

  // Reads the next row into `row`; false when the input is exhausted (then `row` is untouched).
  // A row that ends in a delimiter has a last, empty field; an empty line is a row with one
  // empty field.
  bool next(CsvRow& row);

  char delimiter() const { return delimiter_; }

 private:
  // Moves past the rest of the current physical line after an error.
  void skip_line();
  void fail(CsvRow& row, std::uint32_t line, std::string message);

  const char* cursor_;
  const char* end_;
  const char* line_start_;  // first byte of the physical line the cursor is on
  std::uint32_t line_ = 1;
  char delimiter_;
  bool special_[256] = {};  // bytes that end an unquoted run: delimiter, quote, CR, LF
};

// Text for a message: at most `max_bytes` of `text`, control bytes, DEL and bytes >= 0x80 shown
// as \xNN so a message stays one printable ASCII line, with `... (N bytes)` when cut.
std::string printable(std::string_view text, std::size_t max_bytes = 64);

}  // namespace ipplan
