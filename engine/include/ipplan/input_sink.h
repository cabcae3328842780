// input_sink.h — what reading a run's inputs feeds: a RecordSink that is told where each input
// starts, and whose readers' messages become Diagnostics ("PATH:LINE: message").
//
// The loader (loader.h) opens each input and calls begin_input, then the input's reader calls
// record/error/warning/skipped. An InputSink decides what to keep of each record (the whole
// record: InventoryBuilder; only its range: RangeCollector in aggregate.h); the base class owns
// what every sink must do alike: count and pass on every message, warn about truncated host
// bits, count progress. Nothing a reader reports is dropped without a Diagnostic or a count.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "ipplan/input_format.h"
#include "ipplan/progress_counter.h"
#include "ipplan/record.h"

namespace ipplan {

// kUnreadable: the whole input could not be opened or read (its `where` is just the path).
enum class Severity : std::uint8_t { kError, kWarning, kSkipped, kUnreadable };

// One message about an input: `where` is "PATH:LINE", "PATH: $.json.path", or just "PATH" for a
// problem with the whole input (it cannot be opened).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string where;
  std::string message;

  // "PATH:LINE: message", "PATH:LINE: warning: message", "PATH:LINE: skipped: what".
  std::string text() const;
};
using DiagnosticHandler = std::function<void(const Diagnostic&)>;

// What begin_input is told about each input.
struct InputStart {
  std::string name;    // as shown in messages ("<stdin>" for -)
  std::string domain;  // the input's default domain
  InputFormat format = InputFormat::kList;
  std::string sha256;  // of the input's bytes, when the loader was asked for it
};

class InputSink : public RecordSink {
 public:
  explicit InputSink(DiagnosticHandler on_diagnostic) : on_diagnostic_(std::move(on_diagnostic)) {}

  void set_diagnostic_handler(DiagnosticHandler on_diagnostic) {
    on_diagnostic_ = std::move(on_diagnostic);
  }
  // Counts every record into `progress` (may be null).
  void set_progress(ProgressCounter* progress) { progress_ = progress; }

  // A message about a whole input rather than a place in it (it cannot be opened, it is empty).
  void report(const Diagnostic& diagnostic) const {
    if (on_diagnostic_) on_diagnostic_(diagnostic);
  }

  // Starts a new input; what the reader reports next belongs to it.
  void begin_input(InputStart input) {
    input_name_ = input.name;
    ++inputs_;
    start_input(std::move(input));
  }
  // Makes room for up to `more` records beyond those held (an estimate: the input's line count).
  virtual void reserve_more(std::size_t more) = 0;

  void record(const RawRecord& record) final;
  void line_records(std::span<const LineRecord> records) final;
  void error(const Location& where, std::string message) final;
  void warning(const Location& where, std::string message) final;
  void skipped(const Location& where, std::string_view what) final;

  // Totals over every input so far.
  std::uint64_t records() const { return records_; }
  std::uint64_t errors() const { return errors_; }
  std::uint64_t inputs() const { return inputs_; }

 protected:
  virtual void start_input(InputStart input) = 0;
  virtual void keep(const RawRecord& record) = 0;
  // What keep() does for each, as its RawRecord; a sink may override it with a faster loop.
  virtual void keep_lines(std::span<const LineRecord> records);
  // Per-input counts for a sink that keeps them (an Inventory's InputSummary); none by default.
  virtual void count_in_input(Severity severity) { (void)severity; }

 private:
  void emit(Severity severity, const Location& where, std::string message);

  DiagnosticHandler on_diagnostic_;
  ProgressCounter* progress_ = nullptr;
  std::string input_name_;
  std::uint64_t records_ = 0;
  std::uint64_t errors_ = 0;
  std::uint64_t inputs_ = 0;
};

}  // namespace ipplan
