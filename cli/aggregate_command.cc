// aggregate_command.cc — `ipplan aggregate`: the union of every input as the fewest CIDR blocks.
#include <memory>

#include "command.h"
#include "diagnostics.h"
#include "ipplan/aggregate.h"
#include "ipplan/format.h"
#include "output.h"

namespace ipplan::cli {
namespace {

struct AggregateOptions {
  CommonOptions common;
  InputOptions input;
};

int run_aggregate(const AggregateOptions& options) {
  RangeCollector ranges;  // no Inventory: the union needs nothing of a record but its range
  if (const int code = load_for_command("aggregate", options.common, options.input, ranges);
      code != kExitOk) {
    return code;
  }
  Writer out(stdout);
  PrefixListPrinter printer(options.common.format(), out);
  ranges.aggregate_into([&printer](const Prefix& prefix) { printer.add(prefix); });
  printer.finish();
  if (!out.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void add_aggregate_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<AggregateOptions>();
  CLI::App* command = app.add_subcommand(
      "aggregate",
      "Print the union of all inputs as the minimal list of CIDR blocks, IPv4 first (like "
      "Python's collapse_addresses).");
  add_common_options(*command, options->common);
  add_input_options(*command, options->input);
  command->callback([options, &exit_code] { exit_code = run_aggregate(*options); });
}

}  // namespace ipplan::cli
