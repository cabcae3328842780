// input_sink.cc — the part of every loader target that is the same: counting and messages.
#include "ipplan/input_sink.h"

#include "ipplan/format.h"
#include "ipplan/strings.h"

namespace ipplan {

std::string Diagnostic::text() const {
  const std::string_view kind = severity == Severity::kWarning   ? "warning: "
                                : severity == Severity::kSkipped ? "skipped: "
                                                                 : "";
  return str_cat(where, ": ", kind, message);
}

void InputSink::record(const RawRecord& record) {
  keep(record);
  ++records_;
  if (progress_ != nullptr) progress_->add();
  if (record.host_bits_cleared) {
    warning(record.location, str_cat("host bits set; truncated to ", to_string(record.range)));
  }
}

void InputSink::line_records(std::span<const LineRecord> records) {
  keep_lines(records);
  records_ += records.size();
  if (progress_ != nullptr) progress_->add(records.size());
}

void InputSink::keep_lines(std::span<const LineRecord> records) {
  for (const LineRecord& line_record : records) keep(line_record.raw());
}

void InputSink::error(const Location& where, std::string message) {
  ++errors_;
  emit(Severity::kError, where, std::move(message));
}

void InputSink::warning(const Location& where, std::string message) {
  emit(Severity::kWarning, where, std::move(message));
}

void InputSink::skipped(const Location& where, std::string_view what) {
  emit(Severity::kSkipped, where, std::string(what));
}

void InputSink::emit(Severity severity, const Location& where, std::string message) {
  count_in_input(severity);
  if (on_diagnostic_) on_diagnostic_({severity, where.describe(input_name_), std::move(message)});
}

}  // namespace ipplan
