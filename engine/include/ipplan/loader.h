// loader.h — reading a run's inputs into one InputSink (an Inventory, or only the ranges): open each `[DOMAIN=]PATH`, recognise its
// format (or take the one forced), read it, and report every problem as a Diagnostic.
//
// All inputs are read even after errors, so that one run reports every bad line of every input;
// whether errors fail the run is the caller's policy (SPEC 3: exit 2 unless --skip-invalid).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ipplan/input_file.h"
#include "ipplan/input_format.h"
#include "ipplan/inventory.h"

namespace ipplan {

struct LoadOptions {
  std::optional<InputFormat> format;  // forced for every input; else detected per input
  ReadOptions read;
  ProgressCounter* progress = nullptr;  // counts records as they are read, when set
  bool digest_inputs = false;           // fill InputSummary::sha256
};

struct LoadResult {
  std::uint64_t errors = 0;      // rejected lines/elements over all inputs
  std::uint64_t unreadable = 0;  // inputs that could not be opened at all
  bool ok() const { return errors == 0 && unreadable == 0; }
};

// An input opened and its format recognised (or forced), ready for read_input.
struct OpenedInput {
  InputFile file;
  InputFormat format;
};
absl::StatusOr<OpenedInput> open_input(const InputSpec& spec, const LoadOptions& options);
// open_input's failure without the path it starts with ("cannot open: No such file ...").
std::string open_error_message(const absl::Status& status);

// The warning for an input of nothing but blanks ("empty input (0 bytes)"), else nullopt. It
// reads as zero records, which is not an error, but it is what a failed export leaves behind,
// and a proof over it proves nothing.
std::optional<Diagnostic> empty_input_warning(const InputSpec& spec, std::string_view bytes);

// About how many lines `bytes` holds, to reserve room for their records before reading (the
// sinks reserve address space, which costs memory only once written). Exact (newlines + 1) for
// inputs up to 1 MiB; beyond, scaled up from 64 evenly spread 16 KiB samples, about an eighth
// above the count for evenly written lines, instead of a pass over every byte. A sink outgrows an
// estimate that fell short like any vector does: the estimate costs speed, never records.
std::size_t estimate_line_count(std::string_view bytes);

// Reads every input in order into `sink`, with empty_input_warning for each empty one; every
// problem goes to the sink's diagnostic handler.
LoadResult read_inputs(const std::vector<InputSpec>& specs, const LoadOptions& options,
                       InputSink& sink);

// read_inputs into an InventoryBuilder for `inventory`.
LoadResult load_inventory(const std::vector<InputSpec>& specs, const LoadOptions& options,
                          Inventory& inventory, const DiagnosticHandler& on_diagnostic);

}  // namespace ipplan
