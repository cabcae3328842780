// diagnostics.cc — printing input problems and the read summary.
#include "diagnostics.h"

#include <cstdio>

#include "ipplan/strings.h"
#include "command.h"
#include "output.h"
#include "progress.h"

namespace ipplan::cli {
namespace {
std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return str_cat(n, " ", n == 1 ? one : many);
}
}  // namespace

void DiagnosticPrinter::operator()(const Diagnostic& d) {
  std::string line;
  switch (d.severity) {
    case Severity::kError:
      ++errors_;
      if (skip_invalid_) {
        if (!quiet_) line = str_cat(d.where, ": skipped invalid input: ", d.message);
      } else {
        line = d.text();
      }
      break;
    case Severity::kWarning:
      ++warnings_;
      if (!quiet_) line = d.text();
      break;
    case Severity::kSkipped:
      ++skipped_;
      if (!quiet_) line = d.text();
      break;
    case Severity::kUnreadable:
      ++unreadable_;
      line = str_cat("ipplan: ", d.text());
      break;
  }
  if (!line.empty()) {
    line += '\n';
    std::fputs(line.c_str(), stderr);
  }
}

std::string load_summary(std::uint64_t records, std::uint64_t inputs_read,
                         const DiagnosticPrinter& printer) {
  const std::uint64_t unreadable = printer.unreadable();
  std::string summary = str_cat(plural(records, "record", "records"), " from ",
                                plural(inputs_read, "input", "inputs"));
  if (printer.errors() > 0) {
    summary += str_cat(", ", plural(printer.errors(), "invalid line", "invalid lines"),
                       printer.skip_invalid() ? " skipped" : "");
  }
  if (printer.skipped() > 0) summary += str_cat(", ", printer.skipped(), " skipped by design");
  if (printer.warnings() > 0) summary += str_cat(", ", plural(printer.warnings(), "warning", "warnings"));
  if (unreadable > 0) summary += str_cat(", ", plural(unreadable, "unreadable input", "unreadable inputs"));
  return summary;
}

int load_exit_code(const DiagnosticPrinter& printer) {
  if (printer.unreadable() > 0) return kExitBadInput;
  if (printer.errors() > 0 && !printer.skip_invalid()) return kExitBadInput;
  return kExitOk;
}

int load_for_command(std::string_view command, const CommonOptions& common,
                     const InputOptions& input, InputSink& sink, bool digest_inputs) {
  DiagnosticPrinter diagnostics(common.quiet, input.skip_invalid);
  sink.set_diagnostic_handler(diagnostics.handler());
  ProgressCounter progress;
  LoadOptions load = load_options(input);
  load.progress = &progress;
  load.digest_inputs = digest_inputs;
  {
    ProgressMeter meter(progress, "records read");
    read_inputs(input_specs(input), load, sink);
  }
  sink.set_diagnostic_handler(nullptr);  // the printer goes out of scope
  const int exit_code = load_exit_code(diagnostics);
  if (exit_code != kExitOk) {
    print_error(str_cat(command, ": ", load_summary(sink.records(), sink.inputs(), diagnostics),
                        "; nothing computed from incomplete input"));
  }
  return exit_code;
}

int load_for_command(std::string_view command, const CommonOptions& common,
                     const InputOptions& input, Inventory& inventory, bool digest_inputs) {
  InventoryBuilder builder(inventory, nullptr);
  return load_for_command(command, common, input, builder, digest_inputs);
}

}  // namespace ipplan::cli
