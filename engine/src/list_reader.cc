// list_reader.cc — line splitting, comment stripping and per-line parsing for `list` inputs.
#include "ipplan/list_reader.h"

#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ipplan/strings.h"

namespace ipplan {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }
constexpr bool starts_comment(char c) { return c == '#' || c == ';'; }

// The first '\n' in [from, end), or nullptr. A list line is about 20 bytes: the first 32 are
// compared at once (SSE2) instead of paying for a memchr call per line.
const char* find_newline(const char* from, const char* end) {
#if defined(__SSE2__)
  if (end - from >= 32) {
    const __m128i newline = _mm_set1_epi8('\n');
    const auto low = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(from)), newline)));
    const auto high = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(from + 16)), newline)));
    const unsigned both = low | (high << 16);
    if (both != 0) return from + std::countr_zero(both);
    from += 32;
  }
#endif
  return static_cast<const char*>(std::memchr(from, '\n', static_cast<std::size_t>(end - from)));
}

// What the value looks like, for the message: "range", "prefix" or "address".
std::string_view value_kind(std::string_view value) {
  if (value.find('-') != std::string_view::npos) return "range";
  if (value.find('/') != std::string_view::npos) return "prefix";
  return "address";
}

// Plain prefix lines go to the sink in batches (RecordSink::line_records), which spares a call
// and a RawRecord per line. Anything else the reader hands on goes after flush(), so the sink
// hears every line in order.
class LineBatch {
 public:
  explicit LineBatch(RecordSink& sink) : sink_(sink) {}

  // Where the parser writes the next prefix, in place (no copy into the batch).
  Prefix& next_prefix() { return records_[size_].prefix; }
  // Keeps next_prefix() as the record of `line`.
  void add(std::uint32_t line) {
    records_[size_++].line = line;
    if (size_ == records_.size()) flush();
  }
  void flush() {
    if (size_ == 0) return;
    sink_.line_records(std::span<const LineRecord>(records_.data(), size_));
    size_ = 0;
  }

 private:
  RecordSink& sink_;
  std::array<LineRecord, 256> records_;
  std::size_t size_ = 0;
};

}  // namespace

void read_list(std::string_view text, const ReadOptions& options, RecordSink& sink) {
  RawRecord record;
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  const char* const end = text.data() + text.size();
  const char* cursor = text.data();
  std::uint32_t line_number = 0;
  LineBatch batch(sink);
  while (cursor < end) {
    const char* newline = find_newline(cursor, end);
    const char* line_end = newline != nullptr ? newline : end;
    std::string_view line(cursor, static_cast<std::size_t>(line_end - cursor));
    cursor = newline != nullptr ? newline + 1 : end;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    // Most lines are exactly one value: a value never holds blanks, '#' or ';', so a line that
    // parses whole needs no trimming. Everything else takes the general path below.
    if (try_parse_prefix(line, end, batch.next_prefix())) {
      batch.add(line_number);
      continue;
    }
    record.location.line = line_number;

    std::size_t begin = 0;
    while (begin < line.size() && is_blank(line[begin])) ++begin;
    if (begin == line.size() || starts_comment(line[begin])) continue;
    std::size_t value_end = begin;
    while (value_end < line.size() && !is_blank(line[value_end])) ++value_end;
    std::size_t rest = value_end;
    while (rest < line.size() && is_blank(line[rest])) ++rest;
    const std::string_view value = line.substr(begin, value_end - begin);
    batch.flush();
    if (rest < line.size() && !starts_comment(line[rest])) {
      sink.error(record.location, str_cat("unexpected text after the value at column ", rest + 1,
                                          " (a comment starts with '#' or ';')"));
      continue;
    }
    const ParseResult<Range> parsed = parse_range(value, options.host_bits);
    if (!parsed.ok()) {
      ParseError error = parsed.error;
      error.column += static_cast<std::uint32_t>(begin);
      sink.error(record.location, error.message(value_kind(value), value));
      continue;
    }
    record.range = parsed.value;
    record.host_bits_cleared = parsed.host_bits_cleared;
    sink.record(record);
  }
  batch.flush();
}

}  // namespace ipplan
