// csv.cc — the RFC 4180 row reader: quoting, line counting and recovery after malformed rows.
#include "ipplan/csv.h"

#include <cstring>

#include "ipplan/strings.h"

namespace ipplan {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kMaxDialectScan = std::size_t{1} << 20;

std::string_view skip_byte_order_mark(std::string_view bytes) {
  if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    bytes.remove_prefix(kByteOrderMark.size());
  }
  return bytes;
}

bool usable_delimiter(char c) { return c != '"' && c != '\r' && c != '\n' && c != '\0'; }

// Length of Excel's `sep=X` first line including its line end, or 0 when there is none.
std::size_t sep_line_length(std::string_view bytes) {
  constexpr std::string_view kSep = "sep=";
  if (bytes.size() < kSep.size() + 1 || bytes.substr(0, kSep.size()) != kSep) return 0;
  std::size_t end = kSep.size() + 1;
  if (end == bytes.size()) return end;
  if (bytes[end] == '\n') return end + 1;
  if (bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') return end + 2;
  return 0;
}

// Bytes in the valid UTF-8 sequence starting at text[i], or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  unsigned min_second = 0x80;
  unsigned max_second = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) min_second = 0xa0;  // overlong
    if (lead == 0xed) max_second = 0x9f;  // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) min_second = 0x90;  // overlong
    if (lead == 0xf4) max_second = 0x8f;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    const unsigned low = k == 1 ? min_second : 0x80;
    const unsigned high = k == 1 ? max_second : 0xbf;
    if (c < low || c > high) return 0;
  }
  return length;
}

}  // namespace

CsvDialect detect_csv_dialect(std::string_view bytes, std::string_view candidates) {
  bytes = skip_byte_order_mark(bytes);
  if (const std::size_t sep = sep_line_length(bytes); sep != 0 && usable_delimiter(bytes[4])) {
    return {bytes[4], true};
  }
  std::size_t counts[8] = {};
  const std::size_t tracked = candidates.size() < 8 ? candidates.size() : 8;
  bool in_quotes = false;
  const std::size_t limit = bytes.size() < kMaxDialectScan ? bytes.size() : kMaxDialectScan;
  for (std::size_t i = 0; i < limit; ++i) {
    const char c = bytes[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes) {
      if (c == '\n') break;
      for (std::size_t k = 0; k < tracked; ++k) {
        if (c == candidates[k]) ++counts[k];
      }
    }
  }
  CsvDialect dialect;
  dialect.delimiter = tracked > 0 ? candidates[0] : ',';
  std::size_t best = 0;
  for (std::size_t k = 0; k < tracked; ++k) {
    if (counts[k] > best && usable_delimiter(candidates[k])) {
      best = counts[k];
      dialect.delimiter = candidates[k];
    }
  }
  return dialect;
}

bool CsvRow::blank() const {
  for (const CsvField& field : fields_) {
    if (field.quoted) return false;
    for (const char c : field.value) {
      if (c != ' ' && c != '\t') return false;
    }
  }
  return ok();
}

CsvReader::CsvReader(std::string_view bytes, CsvDialect dialect)
    : delimiter_(usable_delimiter(dialect.delimiter) ? dialect.delimiter : ',') {
  bytes = skip_byte_order_mark(bytes);
  cursor_ = bytes.data();
  end_ = bytes.data() + bytes.size();
  line_start_ = cursor_;
  if (dialect.sep_line) {
    if (const std::size_t sep = sep_line_length(bytes); sep != 0) {
      cursor_ += sep;
      line_start_ = cursor_;
      line_ = 2;
    }
  }
  special_[static_cast<unsigned char>(delimiter_)] = true;
  special_[static_cast<unsigned char>('"')] = true;
  special_[static_cast<unsigned char>('\r')] = true;
  special_[static_cast<unsigned char>('\n')] = true;
}

void CsvReader::skip_line() {
  const auto* newline =
      static_cast<const char*>(std::memchr(cursor_, '\n', static_cast<std::size_t>(end_ - cursor_)));
  if (newline == nullptr) {
    cursor_ = end_;
    return;
  }
  cursor_ = newline + 1;
  line_start_ = cursor_;
  ++line_;
}

void CsvReader::fail(CsvRow& row, std::uint32_t line, std::string message) {
  row.fields_.clear();
  row.pending_.clear();
  row.error_ = std::move(message);
  row.error_line_ = line;
}

bool CsvReader::next(CsvRow& row) {
  if (cursor_ >= end_) return false;
  row.fields_.clear();
  row.pending_.clear();
  row.scratch_.clear();
  row.error_.clear();
  row.line_ = line_;
  row.error_line_ = 0;

  const auto column_of = [this](const char* at) {
    return static_cast<std::uint32_t>(at - line_start_ + 1);
  };
  const auto is_line_end = [this](const char* at) {
    return *at == '\n' || (*at == '\r' && (at + 1 == end_ || at[1] == '\n'));
  };

  const char* p = cursor_;
  while (true) {
    CsvField field;
    field.line = line_;
    field.column = column_of(p);
    // Blanks before an opening quote are tolerated (`a, "b"`), unless blanks are the delimiter.
    const char* q = p;
    while (q < end_ && (*q == ' ' || *q == '\t') && *q != delimiter_) ++q;
    if (q < end_ && *q == '"') {
      field.quoted = true;
      field.column = column_of(q);
      const std::uint32_t open_line = line_;
      const std::uint32_t open_column = field.column;
      const char* segment = q + 1;
      p = segment;
      std::size_t scratch_begin = 0;
      while (true) {
        const auto* quote =
            static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end_ - p)));
        const char* stop = quote != nullptr ? quote : end_;
        for (const char* nl = p; nl < stop;) {
          nl = static_cast<const char*>(std::memchr(nl, '\n', static_cast<std::size_t>(stop - nl)));
          if (nl == nullptr) break;
          ++line_;
          line_start_ = ++nl;
        }
        if (quote == nullptr) {
          cursor_ = end_;
          fail(row, open_line,
               str_cat("unterminated quoted field: the quote at column ", open_column,
                       " is never closed"));
          return true;
        }
        if (quote + 1 < end_ && quote[1] == '"') {  // "" is one quote
          if (!field.unescaped) {
            field.unescaped = true;
            scratch_begin = row.scratch_.size();
          }
          row.scratch_.append(segment, static_cast<std::size_t>(quote + 1 - segment));
          p = quote + 2;
          segment = p;
          continue;
        }
        if (field.unescaped) {
          row.scratch_.append(segment, static_cast<std::size_t>(quote - segment));
          row.pending_.push_back(
              {row.fields_.size(), scratch_begin, row.scratch_.size() - scratch_begin});
        } else {
          field.value = std::string_view(segment, static_cast<std::size_t>(quote - segment));
        }
        p = quote + 1;
        break;
      }
      while (p < end_ && (*p == ' ' || *p == '\t') && *p != delimiter_) ++p;
      if (p < end_ && *p != delimiter_ && !is_line_end(p)) {
        const std::uint32_t line = line_;
        const std::uint32_t column = column_of(p);
        cursor_ = p;
        skip_line();
        fail(row, line,
             str_cat("unexpected text after a closing quote at column ", column,
                     " (a quote inside a quoted field is written \"\")"));
        return true;
      }
    } else {
      const char* start = p;
      while (true) {
        while (p < end_ && !special_[static_cast<unsigned char>(*p)]) ++p;
        if (p < end_ && *p == '\r' && !is_line_end(p)) {
          ++p;  // a lone CR is data
          continue;
        }
        break;
      }
      if (p < end_ && *p == '"') {
        const std::uint32_t line = line_;
        const std::uint32_t column = column_of(p);
        cursor_ = p;
        skip_line();
        fail(row, line,
             str_cat("quote in the middle of an unquoted field at column ", column,
                     " (quote the whole field and double the quotes inside it)"));
        return true;
      }
      field.value = std::string_view(start, static_cast<std::size_t>(p - start));
    }
    row.fields_.push_back(field);
    if (p == end_) {
      cursor_ = end_;
      break;
    }
    if (*p == delimiter_) {
      ++p;
      continue;
    }
    if (*p == '\r') ++p;
    if (p < end_ && *p == '\n') ++p;
    ++line_;
    line_start_ = p;
    cursor_ = p;
    break;
  }
  for (const CsvRow::Pending& pending : row.pending_) {
    row.fields_[pending.field].value =
        std::string_view(row.scratch_.data() + pending.offset, pending.length);
  }
  return true;
}

std::string printable(std::string_view text, std::size_t max_bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  const std::size_t shown = text.size() < max_bytes ? text.size() : max_bytes;
  out.reserve(shown + 16);
  std::size_t i = 0;
  while (i < shown) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length != 0 && i + length <= shown) {
        out.append(text.substr(i, length));
        i += length;
        continue;
      }
      if (length != 0) break;  // a whole character does not fit: cut before it
    }
    if (c < 0x20 || c == 0x7f || c >= 0x80) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  if (text.size() > max_bytes) out += str_cat("... (", text.size(), " bytes)");
  return out;
}

}  // namespace ipplan
