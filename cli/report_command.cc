// report_command.cc — `ipplan report`: one self-contained HTML page with a Hilbert map of each
// pool (and of each --zoom block), the verification, utilisation and reservations.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "diagnostics.h"
#include "ipplan/format.h"
#include "ipplan/input_file.h"
#include "ipplan/strings.h"
#include "output.h"
#include "report_output.h"

namespace ipplan::cli {
namespace {

struct ReportOptions {
  CommonOptions common;
  InputOptions input;
  std::vector<std::string> pools;
  std::vector<std::string> pools6;
  std::vector<std::string> zooms;
  std::string ledger;
  std::string output;
  std::string title = "ipplan report";
};

int run_report(const ReportOptions& options) {
  std::vector<Prefix> pools;
  std::vector<Prefix> pools6;
  std::vector<Prefix> zooms;
  if (!parse_prefix_options("--pool", options.pools, pools) ||
      !parse_prefix_options("--pool6", options.pools6, pools6) ||
      !parse_prefix_options("--zoom", options.zooms, zooms)) {
    return kExitBadInput;
  }
  for (const Prefix& pool : pools6) {
    if (!pool.first().is_v6()) {
      print_error(str_cat("--pool6: ", to_string(pool), " is not an IPv6 prefix"));
      return kExitBadInput;
    }
  }
  pools.insert(pools.end(), pools6.begin(), pools6.end());
  for (const Prefix& zoom : zooms) {
    if (std::none_of(pools.begin(), pools.end(), [&](const Prefix& p) { return p.covers(zoom); })) {
      print_error(str_cat("--zoom: ", to_string(zoom), " is not inside any --pool or --pool6"));
      return kExitBadInput;
    }
  }
  InputOptions input = options.input;
  if (!options.ledger.empty()) input.inputs.push_back(options.ledger);
  Inventory inventory;
  if (const int code = load_for_command("report", options.common, input, inventory);
      code != kExitOk) {
    return code;
  }
  ReportRequest request;
  request.title = options.title;
  request.areas = pools;
  request.areas.insert(request.areas.end(), zooms.begin(), zooms.end());
  if (!options.ledger.empty()) {
    request.ledger_inputs.push_back(static_cast<std::uint32_t>(inventory.inputs().size() - 1));
  }
  if (const int code = write_report(options.output, inventory, VerifyOptions{}, request);
      code != kExitOk) {
    return code;
  }
  if (!options.common.quiet) {
    Writer out(stdout);
    out << "report: wrote " << options.output << " (" << request.areas.size()
        << (request.areas.size() == 1 ? " map, " : " maps, ") << inventory.records().size()
        << " records)\n";
  }
  return kExitOk;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand(
      "report",
      "Write one self-contained HTML page: a Hilbert-curve map of each pool (cells coloured by "
      "domain, conflicts red, reservations hatched, free space empty; hover for records, click "
      "to zoom), then the verification, utilisation per container and reservations. Exit 0 "
      "also when it shows conflicts.");
  add_input_options(*command, options->input);
  command->add_flag("-q,--quiet", options->common.quiet,
                    "Print only errors, no summary line");
  // One value per flag: `--pool P INPUT` must not read INPUT as a second pool.
  command->add_option("--pool", options->pools, "Pool to map (repeatable)")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--pool6", options->pools6, "IPv6 pool to map (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--zoom", options->zooms,
                      "Also map this block, inside a pool, at full detail (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--ledger", options->ledger,
                      "Reservation ledger: read as an input, its blocks marked as reserved");
  command->add_option("-o,--output", options->output, "HTML file to write")->required();
  command->add_option("--title", options->title, "Title of the page")->capture_default_str();
  command->callback([options, &exit_code] { exit_code = run_report(*options); });
}

}  // namespace ipplan::cli
