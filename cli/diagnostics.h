// diagnostics.h — how the CLI shows problems with inputs on stderr, the same for every command.
//
// Errors are always shown (with --skip-invalid they read "skipped invalid input"); an input
// that cannot be read at all as "ipplan: PATH: why"; warnings and notes about skipped content
// only without --quiet. Counts are kept for the summary and the
// exit code.
#pragma once

#include <cstdint>
#include <string>

#include "ipplan/inventory.h"
#include "ipplan/loader.h"

namespace ipplan::cli {

class DiagnosticPrinter {
 public:
  DiagnosticPrinter(bool quiet, bool skip_invalid) : quiet_(quiet), skip_invalid_(skip_invalid) {}

  void operator()(const Diagnostic& diagnostic);
  DiagnosticHandler handler() {
    return [this](const Diagnostic& d) { (*this)(d); };
  }

  std::uint64_t errors() const { return errors_; }
  std::uint64_t warnings() const { return warnings_; }
  std::uint64_t skipped() const { return skipped_; }
  std::uint64_t unreadable() const { return unreadable_; }
  bool skip_invalid() const { return skip_invalid_; }

 private:
  bool quiet_;
  bool skip_invalid_;
  std::uint64_t errors_ = 0;
  std::uint64_t warnings_ = 0;
  std::uint64_t skipped_ = 0;
  std::uint64_t unreadable_ = 0;
};

// "12 records from 2 inputs, 3 invalid lines skipped, 1 unreadable input"
std::string load_summary(std::uint64_t records, std::uint64_t inputs_read,
                         const DiagnosticPrinter& printer);

// The exit code SPEC 3 asks for after reading: 2 when an input was unreadable, or had invalid
// lines that were not skipped; else 0.
int load_exit_code(const DiagnosticPrinter& printer);

struct CommonOptions;
struct InputOptions;

// Loads every input of `command` into `inventory`: progress on a terminal, problems on stderr.
// Returns kExitOk, or the exit code to stop with after saying why (unreadable or invalid input
// without --skip-invalid: nothing is computed from incomplete input).
int load_for_command(std::string_view command, const CommonOptions& common,
                     const InputOptions& input, Inventory& inventory, bool digest_inputs = false);
// The same into any sink (aggregate keeps only the ranges).
int load_for_command(std::string_view command, const CommonOptions& common,
                     const InputOptions& input, InputSink& sink, bool digest_inputs = false);

}  // namespace ipplan::cli
