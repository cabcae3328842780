// fuzz_support.h — what every fuzz target checks beyond "does not crash": a RecordSink that
// checks each record as it arrives and keeps the location of every event, and the invariant
// helpers the targets share. A broken invariant prints what broke and aborts, which libFuzzer
// reports as a finding with the input that caused it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/parse.h"
#include "ipplan/record.h"

namespace ipplan::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "invariant broken: %s %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void require(bool condition, const char* what, std::string_view detail = {}) {
  if (!condition) fail(what, detail);
}

// A value a reader accepted must print canonically and read back as the same value, and its
// canonical text must be a fixed point of parse + print.
inline void require_round_trip(const Range& range) {
  require(range.valid(), "a record with an invalid range");
  require(!(range.last() < range.first()), "a record with first > last");
  require(range.first().family() == range.last().family(), "a record mixing families");
  const std::string text = to_string(range);
  const ParseResult<Range> again = parse_range(text);
  require(again.ok(), "canonical text does not parse:", text);
  require(again.value == range, "canonical text parses to another value:", text);
  require(to_string(again.value) == text, "canonical text is not a fixed point:", text);
}

enum class Event : std::uint8_t { kRecord, kError, kWarning, kSkipped };

struct Seen {
  Event event;
  std::uint32_t line;
  std::string json_path;
};

// Keeps every event in order; checks every record's value and location on arrival.
class CheckingSink : public RecordSink {
 public:
  std::vector<Seen> events;
  std::size_t records = 0, errors = 0, warnings = 0, skips = 0;

  void record(const RawRecord& record) override {
    require_round_trip(record.range);
    check_location(record.location);
    events.push_back({Event::kRecord, record.location.line, std::string(record.location.json_path)});
    ++records;
  }
  void error(const Location& where, std::string message) override {
    check_location(where);
    require(!message.empty(), "an error without a message");
    events.push_back({Event::kError, where.line, std::string(where.json_path)});
    ++errors;
  }
  void warning(const Location& where, std::string message) override {
    check_location(where);
    require(!message.empty(), "a warning without a message");
    events.push_back({Event::kWarning, where.line, std::string(where.json_path)});
    ++warnings;
  }
  void skipped(const Location& where, std::string_view what) override {
    check_location(where);
    require(!what.empty(), "a skip without a note");
    events.push_back({Event::kSkipped, where.line, std::string(where.json_path)});
    ++skips;
  }

  // Lines of the events that account for an input line (records, errors, skips), in order.
  std::vector<std::uint32_t> accounted_lines() const {
    std::vector<std::uint32_t> lines;
    for (const Seen& seen : events) {
      if (seen.event != Event::kWarning) lines.push_back(seen.line);
    }
    return lines;
  }

 private:
  static void check_location(const Location& where) {
    if (where.json_path.empty()) {
      require(where.line >= 1, "a text location without a line");
    } else {
      require(where.line == 0, "a JSON location that also has a line");
      require(where.json_path.front() == '$', "a JSON path not starting with $:", where.json_path);
    }
  }
};

// Number of physical lines: a last line without a newline still counts; empty input has none.
inline std::uint32_t count_lines(std::string_view bytes) {
  std::uint32_t lines = 0;
  for (const char c : bytes) lines += c == '\n';
  if (!bytes.empty() && bytes.back() != '\n') ++lines;
  return lines;
}

}  // namespace ipplan::fuzz
